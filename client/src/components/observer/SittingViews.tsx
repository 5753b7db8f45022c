import type * as Y from 'yjs';
import type { Role, SessionView } from '@plenary/shared';
import type { Commands } from '../../hooks/useCommands';
import type { SittingViewId } from '../../hooks/useSittingViewChoice';
import { useCommuniqueSnapshot } from '../../hooks/useCommuniqueSnapshot';
import { useOutline } from '../../hooks/useOutline';
import { ObserverView } from './ObserverView';
import { ActivityFeed } from '../feed/ActivityFeed';
import { AttendancePanel } from '../attendance/AttendancePanel';
import { useTranslation } from 'react-i18next';
import './SittingViews.css';

export { ViewSwitch } from './ViewSwitch';

interface Props {
  view: Exclude<SittingViewId, 'workspace'>;
  sid: string;
  token: string;
  session: SessionView | null;
  communique: Y.Doc | null;
  role: Role | undefined;
  delegation: string | undefined;
  commands: Commands;
  clockOffset: number;
}

/** The read-only view chosen instead of the workspace's columns, full width, scrolling on its own. */
export function SittingViews({ view, sid, token, session, communique, role, delegation, commands, clockOffset }: Props) {
  const snapshot = useCommuniqueSnapshot(view === 'progress' ? communique : null, session?.numbers ?? null);
  const outline = useOutline(view === 'activity' ? communique : null, session?.numbers ?? null);
  return (
    <main className="sitting-view" data-view={view}>
      {view === 'progress' && (
        <ObserverView sid={sid} token={token} view={session} snapshot={snapshot} role={role} delegation={delegation} commands={commands} clockOffset={clockOffset} />
      )}
      {view === 'activity' && <ActivityFeed feed={session?.feed ?? null} delegations={session?.delegations ?? []} outline={outline} />}
      {view === 'attendance' && <AttendancePanel view={session} role={role} commands={commands} clockOffset={clockOffset} />}
    </main>
  );
}
