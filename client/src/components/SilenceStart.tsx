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

/**
 * The deadline a time of day ("17:30") stands for, in server time: today, or tomorrow when that
 * time has passed today. Null when the text is not a time.
 */
export function deadlineAt(time: string, serverNow: number): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  const at = new Date(serverNow);
  at.setHours(Number(m[1]), Number(m[2]), 0, 0);
  if (at.getTime() <= serverNow) at.setDate(at.getDate() + 1);
  return at.getTime();
}

/**
 * The chair starts a silence procedure: a deadline in minutes or at a time of day, on the whole
 * text or the selected paragraphs. Over paragraphs that hold brackets the server asks the chair
 * to confirm first: those would stay open when silence passes.
 */
export function SilenceStart({ editor, drafting }: { editor: Editor | null; drafting: Drafting }) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState('10');
  const [mode, setMode] = useState<'minutes' | 'time'>('minutes');
  const [time, setTime] = useState('');
  const [scope, setScope] = useState<'all' | 'selection'>('all');
  const [bracketed, setBracketed] = useState<string | null>(null);
  const selected = useEditorState({ editor, selector: ({ editor: e }) => (e && !e.isDestroyed ? selectedParagraphs(e) : []) }) ?? [];
  const busy = drafting.commands.isPending('silence.start');
  const n = Number(minutes);
  const serverNow = () => Date.now() + drafting.clockOffset;
  const valid = mode === 'minutes' ? Number.isFinite(n) && n > 0 && n <= 14 * 24 * 60 : deadlineAt(time, serverNow()) !== null;

  const start = async (overBrackets = false) => {
    if (!valid) return;
    const deadline = mode === 'minutes' ? Math.round(serverNow() + n * 60_000) : deadlineAt(time, serverNow())!;
    const paragraphIds = scope === 'selection' && selected.length > 0 ? selected : undefined;
    const ack = await drafting.commands.run('silence.start', { deadline, ...(paragraphIds ? { paragraphIds } : {}), ...(overBrackets ? { overBrackets } : {}) });
    setBracketed(!ack.ok && ack.error.key === 'silenceOverBrackets' ? String(ack.error.params?.labels ?? '') : null);
  };

  return (
    <form
      className="silence-start"
      aria-label={t('silence.startLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        void start();
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
        <select data-testid="silence-deadline-mode" value={mode} onChange={(e) => setMode(e.target.value as 'minutes' | 'time')}>
          <option value="minutes">{t('silence.inMinutes')}</option>
          <option value="time">{t('silence.atClock')}</option>
        </select>
      </label>
      {mode === 'minutes' ? (
        <label className="silence-start__field">
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
      ) : (
        <label className="silence-start__field">
          <input data-testid="silence-time" type="time" required value={time} onChange={(e) => setTime(e.target.value)} aria-label={t('silence.deadlineTime')} />
        </label>
      )}
      <button type="submit" className="dbtn dbtn--primary" data-testid="silence-start" disabled={!valid} aria-busy={busy}>
        {t('silence.start')}
      </button>
      {bracketed !== null && (
        <p className="silence-start__warning" role="alert" data-testid="silence-brackets-warning">
          {t('silence.overBrackets', { labels: bracketed })}{' '}
          <button type="button" className="dbtn dbtn--danger" data-testid="silence-start-anyway" onClick={() => void start(true)}>
            {t('silence.startAnyway')}
          </button>
        </p>
      )}
    </form>
  );
}
