import { useState } from 'react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { NODE } from '@plenary/shared/plain';
import type { Drafting } from '../hooks/useDrafting';
import { labelOf } from '../hooks/useOutline';
import { listLabels } from '../lib/drafting';
import { useTranslation } from 'react-i18next';
import './Silence.css';

/** Numbered paragraphs the editor's selection touches (the caret's paragraph when nothing is selected). */
function selectedParagraphs(editor: Editor): string[] {
  const { from, to } = editor.state.selection;
  const ids: string[] = [];
  editor.state.doc.nodesBetween(from, to, (node) => {
    const kind = node.attrs.kind;
    if (node.type.name === NODE.paragraph && typeof node.attrs.id === 'string' && (kind === 'pp' || kind === 'op')) ids.push(node.attrs.id);
    return false;
  });
  return ids;
}

/** The chair starts a silence procedure: a deadline in minutes, on the whole text or the selected paragraphs. */
export function SilenceStart({ editor, drafting }: { editor: Editor | null; drafting: Drafting }) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState('10');
  const [scope, setScope] = useState<'all' | 'selection'>('all');
  const selected = useEditorState({ editor, selector: ({ editor: e }) => (e && !e.isDestroyed ? selectedParagraphs(e) : []) }) ?? [];
  const busy = drafting.commands.isPending('silence.start');
  const n = Number(minutes);
  const valid = Number.isFinite(n) && n > 0 && n <= 14 * 24 * 60;

  const start = () => {
    if (!valid) return;
    const deadline = Math.round(Date.now() + drafting.clockOffset + n * 60_000);
    const paragraphIds = scope === 'selection' && selected.length > 0 ? selected : undefined;
    void drafting.commands.run('silence.start', { deadline, ...(paragraphIds ? { paragraphIds } : {}) });
  };

  return (
    <form
      className="silence-start"
      aria-label={t('silence.startLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <span className="silence-start__title">{t('silence.title')}</span>
      <label className="silence-start__field">
        <span>{t('silence.agreeWord')}</span>
        <select data-testid="silence-scope" value={scope} onChange={(e) => setScope(e.target.value as 'all' | 'selection')}>
          <option value="all">{t('silence.wholeText')}</option>
          <option value="selection" disabled={selected.length === 0}>
            {selected.length ? listLabels(selected.map((id) => labelOf(drafting.outline, id))) : t('silence.selected')}
          </option>
        </select>
      </label>
      <label className="silence-start__field">
        <span>{t('silence.unlessWithin')}</span>
        <input
          data-testid="silence-minutes"
          type="number"
          min={0.05}
          max={20160}
          step="any"
          inputMode="numeric"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          aria-label={t('silence.minutes')}
        />
        <span>{t('common.min')}</span>
      </label>
      <button type="submit" className="dbtn dbtn--primary" data-testid="silence-start" disabled={!valid} aria-busy={busy}>
        {t('silence.start')}
      </button>
    </form>
  );
}
