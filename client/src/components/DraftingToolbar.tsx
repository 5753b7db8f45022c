import { useEffect, useState, type MouseEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { bracketSelection, bracketSpans, holderIds, liftBracket, offerAlternative, parseAlternatives, removeBracket, spanAt, type BracketSpan } from '../editor/brackets';
import { bracketTitle } from '../editor/bracketsPlugin';
import type { Drafting } from '../hooks/useDrafting';
import { useToasts } from '../hooks/useToasts';
import './DraftingToolbar.css';

interface Props {
  editor: Editor;
  drafting: Drafting;
}

/** The bracket under the selection, now (the toolbar acts on the live state, not on a render's copy). */
function currentSpan(editor: Editor): BracketSpan | undefined {
  const { from, to } = editor.state.selection;
  return spanAt(bracketSpans(editor.state.doc), from, to);
}

// toolbar buttons keep the editor's focus and selection
const keepSelection = (e: MouseEvent) => e.preventDefault();

/**
 * Bracket tools for the selection: a delegate brackets words (or joins the bracket the caret is
 * in), offers an alternative inside a bracket, takes off its own; the chair lifts a bracket by
 * choosing the alternative to keep.
 */
export function DraftingToolbar({ editor, drafting }: Props) {
  const toasts = useToasts();
  const [mode, setMode] = useState<'idle' | 'alternative' | 'lift'>('idle');
  const sel = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      if (!e || e.isDestroyed) return null;
      const { empty, $from } = e.state.selection;
      const span = currentSpan(e);
      const paragraphId = typeof $from.parent.attrs.id === 'string' ? $from.parent.attrs.id : null;
      return { empty, span: span ? { text: span.text, holders: span.holders } : null, paragraphId };
    },
  });
  // a different bracket (or none) under the caret: close the open form
  const spanKey = sel?.span ? sel.span.text : '';
  useEffect(() => {
    setMode('idle');
  }, [spanKey]);
  if (!sel) return null;

  const me = drafting.delegation;
  const locked = !!sel.paragraphId && drafting.view.statuses[sel.paragraphId]?.status === 'agreed';
  const held = !!sel.span && !!me && holderIds(sel.span).includes(me);
  const dispatch = (tr: ReturnType<typeof bracketSelection>, problem: string) => {
    if (!tr) return toasts.show(problem);
    editor.view.dispatch(tr.scrollIntoView());
    setMode('idle');
  };

  const bracket = () => {
    if (!me) return;
    dispatch(bracketSelection(editor.state, me, Date.now() + drafting.clockOffset), 'Select the words to bracket first.');
  };
  const removeMine = () => {
    const span = currentSpan(editor);
    if (span && me) dispatch(removeBracket(editor.state, span, me), 'You hold no bracket here.');
  };
  const offer = (text: string) => {
    const span = currentSpan(editor);
    if (!span) return toasts.show('Put the caret inside the bracket to offer an alternative.');
    dispatch(offerAlternative(editor.state, span, text), 'Type the alternative wording first.');
    editor.commands.focus();
  };
  const lift = (choice: string) => {
    const span = currentSpan(editor);
    if (!span) return toasts.show('The bracket has changed meanwhile; put the caret in it again.');
    dispatch(liftBracket(editor.state, span, choice), '');
    editor.commands.focus();
  };

  const isDelegate = drafting.role === 'delegate';
  const isChair = drafting.role === 'chair';
  const canBracket = isDelegate && !locked && (!sel.empty || (!!sel.span && !held));
  const bracketLabel = sel.empty && sel.span && !held ? 'Join bracket' : 'Bracket';

  return (
    <div className="drafting-toolbar" role="toolbar" aria-label="Brackets" data-mode={mode} data-empty={!isDelegate && !(isChair && sel.span && !locked)}>
      {isDelegate && (
        <button
          type="button"
          className="dbtn dbtn--bracket"
          data-testid="bracket-selection"
          disabled={!canBracket}
          onMouseDown={keepSelection}
          onClick={bracket}
          title={`Put the selected words in square brackets for ${drafting.delegations[me ?? '']?.name ?? 'your delegation'}`}
        >
          <span aria-hidden="true">[ ]</span> {bracketLabel}
        </button>
      )}
      {sel.span && !locked && isDelegate && mode !== 'alternative' && (
        <button type="button" className="dbtn" data-testid="offer-alternative" onMouseDown={keepSelection} onClick={() => setMode('alternative')}>
          Offer alternative
        </button>
      )}
      {sel.span && held && !locked && mode === 'idle' && (
        <button type="button" className="dbtn dbtn--quiet" data-testid="remove-bracket" onMouseDown={keepSelection} onClick={removeMine}>
          Remove my bracket
        </button>
      )}
      {sel.span && isChair && !locked && mode !== 'lift' && (
        <button type="button" className="dbtn dbtn--primary" data-testid="lift-bracket" onMouseDown={keepSelection} onClick={() => setMode('lift')}>
          Lift bracket…
        </button>
      )}
      {mode === 'alternative' && sel.span && <AlternativeForm onSubmit={offer} onCancel={() => setMode('idle')} />}
      {mode === 'lift' && sel.span && <LiftChoices text={sel.span.text} onChoose={lift} onCancel={() => setMode('idle')} />}
      {sel.span ? (
        <span className="drafting-toolbar__info" title={bracketTitle(sel.span.holders, drafting.delegations)}>
          {bracketTitle(sel.span.holders, drafting.delegations)}
        </span>
      ) : (
        <span className="drafting-toolbar__hint">
          {locked
            ? 'This paragraph is agreed: its text is locked.'
            : isDelegate
              ? 'Select words and bracket them, or put the caret in a bracket to join it.'
              : 'Put the caret in a bracket to lift it.'}
        </span>
      )}
    </div>
  );
}

function AlternativeForm({ onSubmit, onCancel }: { onSubmit: (text: string) => void; onCancel: () => void }) {
  const [text, setText] = useState('');
  return (
    <form
      className="drafting-toolbar__form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(text);
      }}
    >
      <label className="visually-hidden" htmlFor="alternative-input">
        Alternative wording
      </label>
      <input
        id="alternative-input"
        data-testid="alternative-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
        placeholder="Alternative wording"
        autoFocus
        maxLength={500}
      />
      <button type="submit" className="dbtn dbtn--primary" data-testid="alternative-submit" disabled={!text.trim()}>
        Add “| …”
      </button>
      <button type="button" className="dbtn dbtn--quiet" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

function LiftChoices({ text, onChoose, onCancel }: { text: string; onChoose: (choice: string) => void; onCancel: () => void }) {
  const { alternatives } = parseAlternatives(text);
  return (
    <div className="drafting-toolbar__choices" role="group" aria-label="Keep which wording?">
      <span className="drafting-toolbar__label">Keep:</span>
      {alternatives.map((alt, i) => (
        <button
          key={`${i}:${alt}`}
          type="button"
          className="dbtn dbtn--choice"
          data-testid="lift-choice"
          data-text={alt}
          onMouseDown={keepSelection}
          onClick={() => onChoose(alt)}
        >
          {alt}
        </button>
      ))}
      <button type="button" className="dbtn dbtn--quiet" onMouseDown={keepSelection} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
