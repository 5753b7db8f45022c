import { Suspense, useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import type { Welcome } from '@plenary/shared';
import type { Drafting } from '../hooks/useDrafting';
import { AuthorshipLegend, CommuniqueEditor, CompareView, SilenceStart, loadEditor } from './lazyParts';
import { CommuniquePreview } from './CommuniquePreview';
import { ExportMenu } from './ExportMenu';
import { useTranslation } from 'react-i18next';
import './CommuniquePanel.css';
import './DraftingButtons.css';

interface Props {
  doc: Y.Doc | null;
  provider: WebsocketProvider | null;
  /** whether the communiqué doc is in sync with the server right now */
  synced: boolean;
  welcome: Welcome | null;
  drafting: Drafting | null;
  /** the rest of the sitting is on screen: the editor's chunk may take the link now (O3) */
  editorWanted?: boolean;
}

/** The centre column: the communiqué with its tools (authorship, compare, export, revisions, silence). */
export function CommuniquePanel({ doc, provider, synced, welcome, drafting, editorWanted = true }: Props) {
  const { t } = useTranslation();
  const [authorship, setAuthorship] = useState(false);
  const [comparing, setComparing] = useState(false);
  const [editor, setEditor] = useState<Editor | null>(null);
  const silence = drafting?.view.silence ?? null;
  // over a slow link the text and the sitting come first, the editor's chunk after them
  const [editorDue, setEditorDue] = useState(false);
  useEffect(() => {
    if (!synced || !editorWanted) return;
    setEditorDue(true);
    void loadEditor();
  }, [synced, editorWanted]);
  const loading = (
    <div className="communique-panel__loading" data-testid="editor-loading">
      {t('communique.connecting')}
    </div>
  );

  return (
    <div className="communique-panel">
      <div className="communique-panel__bar">
        <h2 className="panel-heading communique-panel__heading">{t('workspace.communique')}</h2>
        {drafting && !drafting.canDraft && <span className="communique-panel__note">{t('communique.readOnly')}</span>}
        {drafting && (
          <div className="communique-panel__tools" role="toolbar" aria-label={t('communique.tools')}>
            <button
              type="button"
              className="dbtn"
              data-testid="authorship-toggle"
              aria-pressed={authorship}
              title={t('communique.authorshipTitle')}
              onClick={() => setAuthorship((a) => !a)}
            >
              {t('communique.authorship')}
            </button>
            <button type="button" className="dbtn" data-testid="compare-open" onClick={() => setComparing(true)}>
              {t('communique.compare')}
            </button>
            <ExportMenu sid={drafting.sid} token={drafting.token} revisions={drafting.view.revisions} />
            {drafting.canPreside && <RevisionButton drafting={drafting} />}
          </div>
        )}
      </div>
      <Suspense fallback={null}>
        {drafting?.canPreside && silence?.state !== 'running' && <SilenceStart editor={editor} drafting={drafting} />}
        {drafting && authorship && <AuthorshipLegend editor={editor} drafting={drafting} />}
      </Suspense>
      {doc && provider && welcome && drafting && editorDue ? (
        <Suspense fallback={synced ? <CommuniquePreview doc={doc} drafting={drafting} /> : loading}>
        <CommuniqueEditor
          // a fresh doc (after a resync) gets a fresh editor that waits for its first sync again
          key={doc.guid}
          doc={doc}
          provider={provider}
          synced={synced}
          user={{ name: welcome.name, color: welcome.color }}
          drafting={drafting}
          authorship={authorship}
          onEditor={setEditor}
        />
        </Suspense>
      ) : doc && synced ? (
        <CommuniquePreview doc={doc} drafting={drafting} />
      ) : (
        loading
      )}
      <Suspense fallback={null}>
        {comparing && drafting && <CompareView doc={doc} revisions={drafting.view.revisions} numbers={drafting.view.numbers} onClose={() => setComparing(false)} />}
      </Suspense>
    </div>
  );
}

/** The chair issues the text as it stands as the next revision: "Issue Rev.3", renumbering its paragraphs unless unticked (E5). */
function RevisionButton({ drafting }: { drafting: Drafting }) {
  const { t } = useTranslation();
  const [renumber, setRenumber] = useState(true);
  const next = drafting.view.revisions.length + 1;
  const busy = drafting.commands.isPending('revision.create');
  const last = drafting.view.revisions.at(-1);
  return (
    <span className="revision-create">
      <button
        type="button"
        className="dbtn dbtn--primary"
        data-testid="revision-create"
        aria-busy={busy}
        disabled={busy}
        title={last ? t('communique.lastRev', { n: last.n }) : t('communique.noRev')}
        onClick={() => void drafting.commands.run('revision.create', { renumber })}
      >
        {t('communique.issueRev', { n: next })}
      </button>
      <label className="revision-create__renumber" title={t('communique.renumberTitle')}>
        <input type="checkbox" data-testid="revision-renumber" checked={renumber} disabled={busy} onChange={(e) => setRenumber(e.target.checked)} />
        {t('communique.renumber')}
      </label>
    </span>
  );
}
