import { useEffect, useRef, useState } from 'react';
import { can } from '@plenary/shared';
import { useSocket } from '../hooks/useSocket';
import { useYDoc } from '../hooks/useYDoc';
import { useSessionView } from '../hooks/useSessionView';
import { useCommands } from '../hooks/useCommands';
import { useBrowserOnline } from '../hooks/useBrowserOnline';
import { useDraftingView } from '../hooks/useDraftingView';
import { useOutline } from '../hooks/useOutline';
import { useDrafting } from '../hooks/useDrafting';
import { useKeptEditNotice } from '../hooks/useKeptEditNotice';
import { combineConnection } from '../lib/connection';
import { InviteMessage } from './InviteMessage';
import { SittingHeader } from './SittingHeader';
import { SessionStateControls } from './SessionStateControls';
import { WorkspaceTabs, type Tab } from './WorkspaceTabs';
import { Agenda } from './Agenda';
import { PresenceList } from './PresenceList';
import { SpeakersPanel } from './SpeakersPanel';
import { CommuniquePanel } from './CommuniquePanel';
import { useSittingViewChoice } from '../hooks/useSittingViewChoice';
import { SittingViews, ViewSwitch } from './observer/SittingViews';
import { CentreViews, type CentreView } from './cbm/CentreViews';
import { MeasuresArea } from './cbm/MeasuresArea';
import './Workspace.css';

/** The sitting for the chair and delegates: agenda · communiqué · who is here. */
export function Workspace({ sid, token }: { sid: string; token: string }) {
  const socket = useSocket(token);
  // once the server has refused the token, stop the docs from retrying it
  const communique = useYDoc(sid, 'communique', token, !socket.refused);
  const session = useYDoc(sid, 'session', token, !socket.refused);
  const view = useSessionView(session.doc);
  const commands = useCommands(socket.socket);
  const draftingView = useDraftingView(session.doc);
  const outline = useOutline(communique.doc);
  const drafting = useDrafting({
    sid,
    token,
    welcome: socket.welcome,
    delegations: view?.delegations,
    view: draftingView,
    outline,
    commands,
    clockOffset: socket.clockOffset,
  });
  useKeptEditNotice(communique.resync, draftingView.comments, drafting?.me ?? null, outline, socket.clockOffset);
  const browserOnline = useBrowserOnline();
  const [tab, setTab] = useState<Tab>('communique');
  const [centre, setCentre] = useState<CentreView>('communique');
  const tabChosen = useRef(false);
  const chooseTab = (t: Tab) => {
    tabChosen.current = true;
    setTab(t);
    if (t === 'communique' || t === 'measures') setCentre(t);
  };

  const connection = combineConnection({
    socket: socket.status,
    communique: communique.status,
    session: session.status,
    browserOnline,
  });
  const role = socket.welcome?.role;
  const [sittingView, chooseView] = useSittingViewChoice(role);

  const title = view?.meta.title;
  useEffect(() => {
    document.title = title ? `${title} — Plenary` : 'Plenary';
  }, [title]);

  // on a narrow screen the chair starts on the speakers, the panel they run the room from
  useEffect(() => {
    if (role === 'chair' && !tabChosen.current) setTab('speakers');
  }, [role]);

  useEffect(() => {
    if (!role) return;
    document.body.dataset.role = role;
    return () => void delete document.body.dataset.role;
  }, [role]);

  if (socket.refused) {
    return (
      <InviteMessage title="Cannot open this sitting">
        This invite link is not valid: {socket.refused.replace(/\.$/, '')}. Ask the conference secretariat for a new link.
      </InviteMessage>
    );
  }

  const controls =
    view && role && can(role, 'preside') ? <SessionStateControls state={view.meta.state} commands={commands} /> : null;

  return (
    <div className="workspace" data-role={role ?? 'unknown'} data-tab={tab}>
      <SittingHeader
        view={view}
        welcome={socket.welcome}
        presence={socket.presence}
        clockOffset={socket.clockOffset}
        connection={connection}
        channels={[
          { label: 'Commands', status: socket.status },
          { label: 'Communiqué', status: communique.status },
          { label: 'Sitting', status: session.status },
        ]}
        controls={<>{controls}<ViewSwitch view={sittingView} onChange={chooseView} /></>}
      />
      <WorkspaceTabs tab={tab} onChange={chooseTab} presentCount={socket.presence.length} />
      <div className="workspace__columns">
        <aside className="workspace__panel workspace__panel--agenda" data-active={tab === 'agenda'} aria-label="Agenda">
          <Agenda items={view?.agenda ?? null} preside={!!role && can(role, 'preside')} commands={commands} clockOffset={socket.clockOffset} />
        </aside>
        <section className="workspace__panel workspace__panel--communique" data-active={tab === 'communique' || tab === 'measures'} aria-label={centre === 'measures' ? 'Measures' : 'Communiqué'}>
          <CentreViews
            view={centre}
            onChange={chooseTab}
            measureCount={view?.cbms.length ?? 0}
            communique={
              <CommuniquePanel
                doc={communique.doc}
                provider={communique.provider}
                synced={communique.synced}
                welcome={socket.welcome}
                drafting={drafting}
              />
            }
            measures={<MeasuresArea view={view} role={role} delegation={socket.welcome?.delegation} commands={commands} clockOffset={socket.clockOffset} />}
          />
        </section>
        <aside className="workspace__panel workspace__panel--side" data-active={tab === 'speakers' || tab === 'presence'} data-tab={tab}>
          <div className="workspace__side-speakers" data-active={tab === 'speakers'}>
            <SpeakersPanel
              agenda={view?.agenda ?? null}
              delegations={view?.delegations ?? []}
              role={role}
              delegation={socket.welcome?.delegation}
              commands={commands}
              clockOffset={socket.clockOffset}
            />
          </div>
          <div className="workspace__side-presence" data-active={tab === 'presence'} aria-label="Present" role="region">
            <PresenceList entries={socket.presence} delegations={view?.delegations ?? []} />
          </div>
        </aside>
      </div>
      {sittingView !== 'workspace' && (
        <SittingViews view={sittingView} sid={sid} token={token} session={view} communique={communique.doc} role={role} delegation={socket.welcome?.delegation} commands={commands} clockOffset={socket.clockOffset} />
      )}
    </div>
  );
}
