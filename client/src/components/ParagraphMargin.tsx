import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import type { Editor } from '@tiptap/core';
import { shownStatus } from '@plenary/shared/plain';
import type { Drafting } from '../hooks/useDrafting';
import { bracketSpans } from '../editor/brackets';
import { unresolvedCount } from '../lib/drafting';
import { StatusBadge } from './StatusBadge';
import { CommentThread } from './CommentThread';
import { CommentIcon } from './CommentIcon';
import { useTranslation } from 'react-i18next';
import { localDigits } from '../i18n/locale';
import './ParagraphMargin.css';

interface Row {
  id: string;
  label: string;
  /** px from the top of the page */
  top: number;
  /** some of its words are in brackets */
  bracketed: boolean;
}

function measure(editor: Editor, page: HTMLElement): Row[] {
  let dom: HTMLElement;
  try {
    dom = editor.view.dom;
  } catch {
    return []; // not mounted yet
  }
  const origin = page.getBoundingClientRect().top;
  const bracketed = new Set(bracketSpans(editor.state.doc).map((s) => s.paragraphId));
  return [...dom.querySelectorAll<HTMLElement>('p[data-id][data-num]')].map((p) => ({
    id: p.dataset.id!,
    label: p.dataset.num!,
    top: Math.round(p.getBoundingClientRect().top - origin),
    bracketed: bracketed.has(p.dataset.id!),
  }));
}

/**
 * The right margin of the communiqué: beside each numbered paragraph its status in words
 * (the chair's menu on it) and its unresolved comments, which open the thread beside it.
 * Positions are measured from the editor's own paragraphs after every change and resize.
 */
export function ParagraphMargin({ editor, page, drafting }: { editor: Editor; page: RefObject<HTMLDivElement | null>; drafting: Drafting }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>([]);
  const [openThread, setOpenThread] = useState<string | null>(null);

  const remeasure = useCallback(() => {
    if (!page.current || editor.isDestroyed) return;
    const next = measure(editor, page.current);
    setRows((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
  }, [editor, page]);

  useLayoutEffect(remeasure, [remeasure, drafting.view.statuses]);

  useEffect(() => {
    let frame = 0;
    const soon = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), remeasure()));
    };
    editor.on('transaction', soon);
    const resize = new ResizeObserver(soon);
    if (page.current) resize.observe(page.current);
    window.addEventListener('resize', soon);
    void document.fonts?.ready.then(soon);
    return () => {
      editor.off('transaction', soon);
      resize.disconnect();
      window.removeEventListener('resize', soon);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [editor, page, remeasure]);

  // a thread whose paragraph went away closes
  useEffect(() => {
    if (openThread && rows.length > 0 && !rows.some((r) => r.id === openThread)) setOpenThread(null);
  }, [rows, openThread]);

  const open = rows.find((r) => r.id === openThread);
  return (
    <div className="paragraph-margin" aria-label={t('margin.label')}>
      {rows.map((r) => {
        const count = unresolvedCount(drafting.view.comments, r.id);
        const set = drafting.view.statuses[r.id]?.status ?? 'open';
        const status = shownStatus(set, r.bracketed);
        return (
          <div key={r.id} className="paragraph-margin__row" style={{ top: r.top }} data-paragraph-id={r.id} data-open={openThread === r.id}>
            <StatusBadge paragraphId={r.id} label={r.label} status={status} set={set} drafting={drafting} />
            <button
              type="button"
              className="comment-count"
              data-testid="comment-count"
              data-paragraph-id={r.id}
              data-count={count}
              aria-expanded={openThread === r.id}
              aria-label={count ? t('margin.unresolved', { count, n: localDigits(String(count)), label: r.label }) : t('margin.commentsOn', { label: r.label })}
              title={drafting.canParticipate ? t('margin.commentsOn', { label: r.label }) : t('margin.readCommentsOn', { label: r.label })}
              onClick={() => setOpenThread((o) => (o === r.id ? null : r.id))}
            >
              <CommentIcon />
              {count > 0 && <span className="comment-count__n">{localDigits(String(count))}</span>}
            </button>
          </div>
        );
      })}
      {open && (
        <CommentThread
          key={open.id}
          paragraphId={open.id}
          label={open.label}
          top={open.top}
          drafting={drafting}
          onClose={() => setOpenThread(null)}
        />
      )}
    </div>
  );
}
