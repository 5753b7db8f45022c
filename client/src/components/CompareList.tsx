import type { ParagraphChange } from '@plenary/shared';
import { useTranslation } from 'react-i18next';
import { i18n, labelMap } from '../i18n';
import { localDigits } from '../i18n/locale';

const CHANGE_WORDS: Record<ParagraphChange['change'], string> = labelMap({
  same: 'compare.unchanged',
  changed: 'compare.changed',
  added: 'compare.added',
  removed: 'compare.removed',
});

/** "2 changed · 1 added · 1 moved" */
export function compareSummary(changes: readonly ParagraphChange[]): string {
  const count = (f: (c: ParagraphChange) => boolean) => changes.filter(f).length;
  const parts = [
    [count((c) => c.change === 'changed'), CHANGE_WORDS.changed],
    [count((c) => c.change === 'added'), CHANGE_WORDS.added],
    [count((c) => c.change === 'removed'), CHANGE_WORDS.removed],
    [count((c) => c.moved), i18n.t('compare.moved')],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, w]) => `${localDigits(String(n))} ${w}`);
  return said.length ? said.join(' · ') : i18n.t('compare.noDifferences');
}

/** A comparison paragraph by paragraph: insertions underlined green, deletions struck red, labelled changes. */
export function CompareList({ changes }: { changes: readonly ParagraphChange[] }) {
  const { t } = useTranslation();
  return (
    <ol className="compare-list">
      {changes.map((c) => (
        <li key={`${c.change}:${c.id}`} className="compare-para" data-change={c.change} data-moved={c.moved} data-paragraph-id={c.id}>
          <div className="compare-para__margin">
            <span className="compare-para__label">{c.label ?? ''}</span>
            {c.change !== 'same' && <span className={`compare-tag compare-tag--${c.change}`}>{CHANGE_WORDS[c.change]}</span>}
            {c.moved && <span className="compare-tag compare-tag--moved">{t('compare.moved')}</span>}
          </div>
          <p className="compare-para__text" dir="auto">
            {c.ops.map((op, i) =>
              op.op === 'ins' ? (
                <ins key={i} className="compare-ins">
                  {op.text}
                </ins>
              ) : op.op === 'del' ? (
                <del key={i} className="compare-del">
                  {op.text}
                </del>
              ) : (
                <span key={i}>{op.text}</span>
              ),
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
