import { sittingProgress, type CommuniqueSnapshot, type Role, type SessionView } from '@plenary/shared/plain';
import type { Commands } from '../../hooks/useCommands';
import { useServerNow } from '../../hooks/useServerNow';
import { openItemOf } from '../../lib/sittingNow';
import { ObserverNow } from './ObserverNow';
import { ProgressStrip } from './ProgressStrip';
import { ReadOnlyCommunique } from './ReadOnlyCommunique';
import { FocusPicker } from './FocusPicker';
import { useTranslation } from 'react-i18next';
import './Observer.css';

interface Props {
  sid: string;
  token: string;
  view: SessionView | null;
  snapshot: CommuniqueSnapshot | null;
  role: Role | undefined;
  delegation: string | undefined;
  commands: Commands;
  clockOffset: number;
}

/**
 * The sitting at a glance, read-only, in one column: the open item and its time, the speaker and
 * timer, the next three, the progress strip, then the live communiqué with each paragraph's status.
 * The chair also picks here what the room screen shows.
 */
export function ObserverView({ sid, token, view, snapshot, role, delegation, commands, clockOffset }: Props) {
  const { t } = useTranslation();
  const item = view ? openItemOf(view.agenda) : null;
  const running = item?.floor?.runningSince != null;
  // 5×/s while a speech runs (the timer), once a second otherwise (item and sitting time)
  const now = useServerNow(clockOffset, running ? 200 : 1000);

  if (!view) {
    return (
      <div className="obs" data-testid="observer-view" aria-busy="true">
        <p className="obs-muted">{t('header.loading')}</p>
      </div>
    );
  }
  const progress = sittingProgress(view, snapshot, now);
  return (
    <div className="obs" data-testid="observer-view" data-item-id={item?.id ?? ''}>
      {role === 'chair' && <FocusPicker sid={sid} token={token} focus={view.meta.focus} snapshot={snapshot} cbms={view.cbms} commands={commands} />}
      <ObserverNow state={view.meta.state} agenda={view.agenda} item={item} delegations={view.delegations} now={now} me={delegation} />
      <h2 className="obs-heading">{t('views.progress')}</h2>
      <ProgressStrip progress={progress} />
      <h2 className="obs-heading">
        {t('workspace.communique')} <span className="obs-heading__note">{t('observer.liveReadOnly')}</span>
      </h2>
      <ReadOnlyCommunique snapshot={snapshot} statuses={view.paragraphs} delegations={view.delegations} focused={view.meta.focus?.paragraphId} />
    </div>
  );
}
