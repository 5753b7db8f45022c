import type { ParagraphChange } from '@plenary/shared';

const CHANGE_WORDS: Record<ParagraphChange['change'], string> = {
  same: 'unchanged',
  changed: 'changed',
  added: 'added',
  removed: 'removed',
};

/** "2 changed · 1 added · 1 moved" */
export function compareSummary(changes: readonly ParagraphChange[]): string {
  const count = (f: (c: ParagraphChange) => boolean) => changes.filter(f).length;
  const parts = [
    [count((c) => c.change === 'changed'), 'changed'],
    [count((c) => c.change === 'added'), 'added'],
    [count((c) => c.change === 'removed'), 'removed'],
    [count((c) => c.moved), 'moved'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, w]) => `${n} ${w}`);
  return said.length ? said.join(' · ') : 'No differences';
}

/** A comparison paragraph by paragraph: insertions underlined green, deletions struck red, labelled changes. */
export function CompareList({ changes }: { changes: readonly ParagraphChange[] }) {
  return (
    <ol className="compare-list">
      {changes.map((c) => (
        <li key={`${c.change}:${c.id}`} className="compare-para" data-change={c.change} data-moved={c.moved} data-paragraph-id={c.id}>
          <div className="compare-para__margin">
            <span className="compare-para__label">{c.label ?? ''}</span>
            {c.change !== 'same' && <span className={`compare-tag compare-tag--${c.change}`}>{CHANGE_WORDS[c.change]}</span>}
            {c.moved && <span className="compare-tag compare-tag--moved">moved</span>}
          </div>
          <p className="compare-para__text">
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
