import { useEffect, useMemo, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { communiqueExtensions, type CommuniqueUser } from '../editor/extensions';
import './CommuniqueEditor.css';

interface Props {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: boolean;
  canDraft: boolean;
  user: CommuniqueUser;
}

/** The live draft with everyone's carets; numbering PP/OP sits in the margin. */
export function CommuniqueEditor({ doc, provider, synced, canDraft, user }: Props) {
  // typing before the first sync would land above or below the real text; offline later is fine
  const [loaded, setLoaded] = useState(synced);
  useEffect(() => {
    if (synced) setLoaded(true);
  }, [synced]);
  const editable = canDraft && loaded;

  // built once per doc: a changed name or colour is applied below without rebuilding the editor
  const extensions = useMemo(() => communiqueExtensions(doc, provider, user), [doc, provider]);
  const editor = useEditor(
    {
      extensions,
      editable,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: { class: 'communique-doc', 'aria-label': 'Communiqué draft', spellcheck: 'true' },
      },
    },
    [extensions],
  );

  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.updateUser({ name: user.name, color: user.color });
  }, [editor, user.name, user.color]);

  return (
    <div className="communique" data-testid="editor" data-editable={editable} data-loaded={loaded}>
      <EditorContent editor={editor} />
      {!loaded && <p className="communique__loading">Loading the draft…</p>}
    </div>
  );
}
