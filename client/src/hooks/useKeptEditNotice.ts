import { useEffect, useRef } from 'react';
import type { Comment } from '@plenary/shared';
import type { Resync } from '../lib/resync';
import { labelOf, type OutlineEntry } from './useOutline';
import { useToasts } from './useToasts';
import { i18n } from '../i18n';

/** how long to wait for the server's kept-edit comment before saying so without a paragraph */
const WAIT_MS = 4000;
/** a kept-edit comment this much older than the refusal is not ours */
const SLACK_MS = 15_000;

/**
 * After the server refused our text in a paragraph agreed meanwhile (4409) and we resynced, tells
 * the person where their text went: "…your text was kept as a comment on PP2".
 */
export function useKeptEditNotice(resync: Resync | null, comments: readonly Comment[], me: string | null, outline: readonly OutlineEntry[], clockOffset: number): void {
  const toasts = useToasts();
  const pending = useRef<{ resync: Resync; timer: number } | null>(null);
  const told = useRef<Resync | null>(null);

  useEffect(() => {
    if (!resync || told.current === resync || pending.current?.resync === resync) return;
    if (resync.code !== 4409) {
      told.current = resync;
      toasts.show(i18n.t('notice.outOfStep'), 'info');
      return;
    }
    const timer = window.setTimeout(() => {
      if (pending.current?.resync !== resync) return;
      pending.current = null;
      told.current = resync;
      toasts.show(i18n.t('notice.lockedReloaded'), 'info');
    }, WAIT_MS);
    pending.current = { resync, timer };
  }, [resync, toasts]);

  useEffect(() => {
    const p = pending.current;
    if (!p || !me) return;
    const refusedAt = p.resync.at + clockOffset;
    const kept = comments.filter((c) => c.kind === 'kept-edit' && c.author === me && c.at >= refusedAt - SLACK_MS).at(-1);
    if (!kept) return;
    window.clearTimeout(p.timer);
    pending.current = null;
    told.current = p.resync;
    toasts.show(i18n.t('notice.keptAsComment', { label: labelOf(outline, kept.paragraphId) }), 'info');
  }, [comments, me, outline, clockOffset, toasts, resync]);

  useEffect(() => () => window.clearTimeout(pending.current?.timer), []);
}
