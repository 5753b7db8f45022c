import { Suspense, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { can, currentSilence, silenceCovers, statusOf } from '@plenary/shared/plain';
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
import { localKey, tokenActor } from '../lib/localCopy';
import { refusalText } from '../lib/refusals';
import { OfflineStatus } from './OfflineStatus';
import { InviteMessage } from './InviteMessage';
import { SittingHeader } from './SittingHeader';
import { SessionStateControls } from './SessionStateControls';
import { WorkspaceTabs, type Tab } from './WorkspaceTabs';
import { Agenda } from './Agenda';
import { PresenceList } from './PresenceList';
import { SpeakersPanel } from './SpeakersPanel';
import { CommuniquePanel } from './CommuniquePanel';
import { SilenceBanner } from './SilenceBanner';
import { useSittingViewChoice } from '../hooks/useSittingViewChoice';
import { ViewSwitch } from './observer/ViewSwitch';
import { MeasuresArea as LazyMeasuresArea, SittingViews } from './lazyParts';
import { CentreViews, type CentreView } from './cbm/CentreViews';
import { useTranslation } from 'react-i18next';
import './Workspace.css';

/** The sitting for the chair and delegates: agenda · communiqué · who is here. */
export function Workspace({ sid, token }: { sid: string; token: string }) {
  const { t } = useTranslation();
  const socket = useSocket(token);
  // once the server has refused the token, stop the docs from retrying it
  // after a refusal (4409), words typed for paragraphs still open are typed again (O1); unknown: none
  const sessionDoc = useRef<Y.Doc | null>(null);
  const communique = useYDoc(sid, 'communique', token, !socket.refused, {
    locked: (id, kind) => {
      const d = sessionDoc.current;
      return !d || statusOf(d, id) === 'agreed' || silenceCovers(currentSilence(d), id, kind);
    },
  });
  const session = useYDoc(sid, 'session', token, !socket.refused);
  sessionDoc.current = session.doc;
  const view = useSessionView(session.doc);
  const commands = useCommands(socket.socket, localKey(sid, 'commands', tokenActor(token)));
  const draftingView = useDraftingView(session.doc);
  const outline = useOutline(communique.doc, draftingView.numbers);
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
  // the measures' chunk is fetched the first time they are shown, then kept (O3)
  const [measuresShown, setMeasuresShown] = useState(false);
  useEffect(() => {
    if (centre === 'measures') setMeasuresShown(true);
  }, [centre]);
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
      <InviteMessage title={t('workspace.cannotOpen')}>
        {t('workspace.invalidLink', { reason: refusalText(socket.refused).replace(/\.$/, '') })}
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
          { label: t('workspace.channelCommands'), status: socket.status },
          { label: t('workspace.communique'), status: communique.status },
          { label: t('workspace.sitting'), status: session.status },
        ]}
        controls={<>{controls}<ViewSwitch view={sittingView} onChange={chooseView} /></>}
        offline={
          <OfflineStatus
            connection={connection}
            pendingEdits={communique.pendingEdits}
            queuedCommands={commands.queued}
            refused={commands.refused}
            onDismiss={commands.dismissRefused}
          />
        }
      />
      <WorkspaceTabs tab={tab} onChange={chooseTab} presentCount={socket.presence.length} />
      {/* above every tab: a running silence concerns everyone, whatever they are looking at */}
      {drafting && drafting.view.silence && <SilenceBanner silence={drafting.view.silence} drafting={drafting} />}
      <div className="workspace__columns">
        <aside className="workspace__panel workspace__panel--agenda" data-active={tab === 'agenda'} aria-label={t('workspace.agenda')}>
          <Agenda items={view?.agenda ?? null} preside={!!role && can(role, 'preside')} commands={commands} clockOffset={socket.clockOffset} />
        </aside>
        <section className="workspace__panel workspace__panel--communique" data-active={tab === 'communique' || tab === 'measures'} aria-label={centre === 'measures' ? t('workspace.measures') : t('workspace.communique')}>
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
                editorWanted={!!view}
              />
            }
            measures={
              measuresShown && <Suspense fallback={null}>
                <LazyMeasuresArea view={view} role={role} delegation={socket.welcome?.delegation} commands={commands} clockOffset={socket.clockOffset} />
              </Suspense>
            }
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
          <div className="workspace__side-presence" data-active={tab === 'presence'} aria-label={t('workspace.present')} role="region">
            <PresenceList entries={socket.presence} delegations={view?.delegations ?? []} />
          </div>
        </aside>
      </div>
      {sittingView !== 'workspace' && (
        <Suspense fallback={null}>
        <SittingViews view={sittingView} sid={sid} token={token} session={view} communique={communique.doc} role={role} delegation={socket.welcome?.delegation} commands={commands} clockOffset={socket.clockOffset} />
        </Suspense>
      )}
    </div>
  );
}
