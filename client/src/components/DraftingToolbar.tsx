import { useEffect, useState, type MouseEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { bracketSelection, bracketSpans, holderIds, liftBracket, offerAlternative, parseAlternatives, removeBracket, spanAt, type BracketSpan } from '../editor/brackets';
import { bracketTitle } from '../editor/bracketsPlugin';
import type { Drafting } from '../hooks/useDrafting';
import { useToasts } from '../hooks/useToasts';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
    dispatch(bracketSelection(editor.state, me, Date.now() + drafting.clockOffset), t('toolbar.selectFirst'));
  };
  const removeMine = () => {
    const span = currentSpan(editor);
    if (span && me) dispatch(removeBracket(editor.state, span, me), t('toolbar.noBracket'));
  };
  const offer = (text: string) => {
    const span = currentSpan(editor);
    if (!span) return toasts.show(t('toolbar.caretFirst'));
    dispatch(offerAlternative(editor.state, span, text), t('toolbar.typeFirst'));
    editor.commands.focus();
  };
  const lift = (choice: string) => {
    const span = currentSpan(editor);
    if (!span) return toasts.show(t('toolbar.changed'));
    dispatch(liftBracket(editor.state, span, choice), '');
    editor.commands.focus();
  };

  const isDelegate = drafting.role === 'delegate';
  const isChair = drafting.role === 'chair';
  const canBracket = isDelegate && !locked && (!sel.empty || (!!sel.span && !held));
  const bracketLabel = sel.empty && sel.span && !held ? t('toolbar.join') : t('toolbar.bracket');

  return (
    <div className="drafting-toolbar" role="toolbar" aria-label={t('toolbar.label')} data-mode={mode} data-empty={!isDelegate && !(isChair && sel.span && !locked)}>
      {isDelegate && (
        <button
          type="button"
          className="dbtn dbtn--bracket"
          data-testid="bracket-selection"
          disabled={!canBracket}
          onMouseDown={keepSelection}
          onClick={bracket}
          title={t('toolbar.bracketTitle', { name: drafting.delegations[me ?? '']?.name ?? t('toolbar.yourDelegation') })}
        >
          <span aria-hidden="true">[ ]</span> {bracketLabel}
        </button>
      )}
      {sel.span && !locked && isDelegate && mode !== 'alternative' && (
        <button type="button" className="dbtn" data-testid="offer-alternative" onMouseDown={keepSelection} onClick={() => setMode('alternative')}>
          {t('toolbar.offer')}
        </button>
      )}
      {sel.span && held && !locked && mode === 'idle' && (
        <button type="button" className="dbtn dbtn--quiet" data-testid="remove-bracket" onMouseDown={keepSelection} onClick={removeMine}>
          {t('toolbar.removeMine')}
        </button>
      )}
      {sel.span && isChair && !locked && mode !== 'lift' && (
        <button type="button" className="dbtn dbtn--primary" data-testid="lift-bracket" onMouseDown={keepSelection} onClick={() => setMode('lift')}>
          {t('toolbar.lift')}
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
            ? t('toolbar.lockedHint')
            : isDelegate
              ? t('toolbar.delegateHint')
              : t('toolbar.chairHint')}
        </span>
      )}
    </div>
  );
}

function AlternativeForm({ onSubmit, onCancel }: { onSubmit: (text: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
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
        {t('toolbar.alternative')}
      </label>
      <input
        id="alternative-input"
        data-testid="alternative-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
        placeholder={t('toolbar.alternative')}
        dir="auto"
        autoFocus
        maxLength={500}
      />
      <button type="submit" className="dbtn dbtn--primary" data-testid="alternative-submit" disabled={!text.trim()}>
        {t('toolbar.addAlternative')}
      </button>
      <button type="button" className="dbtn dbtn--quiet" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

function LiftChoices({ text, onChoose, onCancel }: { text: string; onChoose: (choice: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { alternatives } = parseAlternatives(text);
  return (
    <div className="drafting-toolbar__choices" role="group" aria-label={t('toolbar.keepWhich')}>
      <span className="drafting-toolbar__label">{t('toolbar.keep')}</span>
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
        {t('common.cancel')}
      </button>
    </div>
  );
}
