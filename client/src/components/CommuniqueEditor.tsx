import { useEffect, useMemo, useRef, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import type { ParagraphStatus } from '@plenary/shared';
import { COMMUNIQUE_FRAGMENT } from '@plenary/shared/plain';
import { communiqueExtensions, type CommuniqueUser } from '../editor/extensions';
import { removeUnreadable } from '../editor/unreadable';
import { withContext, type DraftingContext } from '../editor/draftingContext';
import type { Drafting } from '../hooks/useDrafting';
import { labelOf } from '../hooks/useOutline';
import { useToasts } from '../hooks/useToasts';
import { DraftingToolbar } from './DraftingToolbar';
import { ParagraphMargin } from './ParagraphMargin';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';
import './CommuniqueEditor.css';
import './Brackets.css';
import './Authorship.css';

interface Props {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: boolean;
  user: CommuniqueUser;
  drafting: Drafting;
  authorship: boolean;
  onEditor?: (editor: Editor | null) => void;
}

const BLOCKED_TOAST_EVERY_MS = 4000;

/** The live draft with everyone's carets: PP/OP numbers in the left margin, statuses and comments in the right. */
export function CommuniqueEditor({ doc, provider, synced, user, drafting, authorship, onEditor }: Props) {
  // typing before the first sync would land above or below the real text; offline later is fine
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState(synced);
  useEffect(() => {
    if (synced) setLoaded(true);
  }, [synced]);
  const editable = drafting.canDraft && loaded;
  const page = useRef<HTMLDivElement>(null);

  const statuses = useMemo(() => {
    const out: Record<string, ParagraphStatus> = {};
    for (const [id, entry] of Object.entries(drafting.view.statuses)) out[id] = entry.status;
    return out;
  }, [drafting.view.statuses]);
  const context = useMemo<DraftingContext>(
    () => ({ delegations: drafting.delegations, statuses, numbers: drafting.view.numbers, authorship, actorColors: drafting.actorColors, silence: drafting.view.silence }),
    [drafting.delegations, statuses, drafting.view.numbers, authorship, drafting.actorColors, drafting.view.silence],
  );

  // the lock tells us when it refused an edit; say so once in a while, in words
  const toasts = useToasts();
  const lastBlocked = useRef(0);
  const outline = useRef(drafting.outline);
  outline.current = drafting.outline;
  const statusesNow = useRef(statuses);
  statusesNow.current = statuses;
  const onBlocked = useRef((paragraphId: string) => {
    if (Date.now() - lastBlocked.current < BLOCKED_TOAST_EVERY_MS) return;
    lastBlocked.current = Date.now();
    const why = statusesNow.current[paragraphId] === 'agreed' ? 'editor.locked' : 'silence.frozen';
    toasts.show(i18n.t(why, { label: labelOf(outline.current, paragraphId) }), 'info');
  });
  // a new editor (a fresh doc after a resync) starts with the context as it is now
  const initialContext = useRef(context);
  initialContext.current = context;

  // built once per doc: changes of name, colour or context are pushed in below without a rebuild
  const extensions = useMemo(
    () => communiqueExtensions(doc, provider, user, { onBlocked: (id) => onBlocked.current(id), initialContext: initialContext.current }),
    [doc, provider],
  );
  const editor = useEditor(
    {
      extensions,
      editable,
      shouldRerenderOnTransaction: false,
      // the editor's base styles come from our stylesheet (styles/prosemirror.css): the CSP allows no <style> element
      injectCSS: false,
      editorProps: {
        attributes: { class: 'communique-doc', 'aria-label': i18n.t('editor.aria'), spellcheck: 'true' },
      },
    },
    [extensions],
  );

  // a writer's page removes what the editor cannot show, stored before the server refused it (L10)
  useEffect(() => {
    if (!drafting.canDraft) return;
    const body = doc.getXmlFragment(COMMUNIQUE_FRAGMENT);
    const repair = () => removeUnreadable(doc, body);
    repair();
    body.observe(repair);
    return () => body.unobserve(repair);
  }, [doc, drafting.canDraft]);

  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.updateUser({ name: user.name, color: user.color });
  }, [editor, user.name, user.color]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(withContext(editor.state.tr, context));
  }, [editor, context]);

  const ariaLabel = t('editor.aria');
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dom.setAttribute('aria-label', ariaLabel);
  }, [editor, ariaLabel]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  return (
    <div className="communique" data-testid="editor" data-editable={editable} data-loaded={loaded} data-authorship={authorship}>
      {editor && drafting.role !== 'observer' && <DraftingToolbar editor={editor} drafting={drafting} />}
      <div className="communique__page" ref={page}>
        <EditorContent editor={editor} />
        {editor && <ParagraphMargin editor={editor} page={page} drafting={drafting} />}
      </div>
      {!loaded && <p className="communique__loading">{t('editor.loading')}</p>}
    </div>
  );
}
