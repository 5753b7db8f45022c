import { useState } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import type { Welcome } from '@plenary/shared';
import type { Drafting } from '../hooks/useDrafting';
import { CommuniqueEditor } from './CommuniqueEditor';
import { AuthorshipLegend } from './AuthorshipLegend';
import { CompareView } from './CompareView';
import { ExportMenu } from './ExportMenu';
import { SilenceBanner } from './SilenceBanner';
import { SilenceStart } from './SilenceStart';
import './CommuniquePanel.css';
import './DraftingButtons.css';

interface Props {
  doc: Y.Doc | null;
  provider: WebsocketProvider | null;
  /** whether the communiqué doc is in sync with the server right now */
  synced: boolean;
  welcome: Welcome | null;
  drafting: Drafting | null;
}

/** The centre column: the communiqué with its tools (authorship, compare, export, revisions, silence). */
export function CommuniquePanel({ doc, provider, synced, welcome, drafting }: Props) {
  const [authorship, setAuthorship] = useState(false);
  const [comparing, setComparing] = useState(false);
  const [editor, setEditor] = useState<Editor | null>(null);
  const silence = drafting?.view.silence ?? null;

  return (
    <div className="communique-panel">
      <div className="communique-panel__bar">
        <h2 className="panel-heading communique-panel__heading">Communiqué</h2>
        {drafting && !drafting.canDraft && <span className="communique-panel__note">read-only</span>}
        {drafting && (
          <div className="communique-panel__tools" role="toolbar" aria-label="Communiqué tools">
            <button
              type="button"
              className="dbtn"
              data-testid="authorship-toggle"
              aria-pressed={authorship}
              title="Colour the text by the delegation that wrote it"
              onClick={() => setAuthorship((a) => !a)}
            >
              Authorship
            </button>
            <button type="button" className="dbtn" data-testid="compare-open" onClick={() => setComparing(true)}>
              Compare
            </button>
            <ExportMenu sid={drafting.sid} token={drafting.token} revisions={drafting.view.revisions} />
            {drafting.canPreside && <RevisionButton drafting={drafting} />}
          </div>
        )}
      </div>
      {drafting && silence && <SilenceBanner silence={silence} drafting={drafting} />}
      {drafting?.canPreside && silence?.state !== 'running' && <SilenceStart editor={editor} drafting={drafting} />}
      {drafting && authorship && <AuthorshipLegend editor={editor} drafting={drafting} />}
      {doc && provider && welcome && drafting ? (
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
      ) : (
        <div className="communique-panel__loading" data-testid="editor-loading">
          Connecting to the communiqué…
        </div>
      )}
      {comparing && drafting && <CompareView doc={doc} revisions={drafting.view.revisions} onClose={() => setComparing(false)} />}
    </div>
  );
}

/** The chair issues the text as it stands as the next revision: "Issue Rev.3". */
function RevisionButton({ drafting }: { drafting: Drafting }) {
  const next = drafting.view.revisions.length + 1;
  const busy = drafting.commands.isPending('revision.create');
  const last = drafting.view.revisions.at(-1);
  return (
    <button
      type="button"
      className="dbtn dbtn--primary"
      data-testid="revision-create"
      aria-busy={busy}
      disabled={busy}
      title={last ? `The last revision issued is Rev.${last.n}` : 'No revision issued yet'}
      onClick={() => void drafting.commands.run('revision.create', {})}
    >
      Issue Rev.{next}
    </button>
  );
}
