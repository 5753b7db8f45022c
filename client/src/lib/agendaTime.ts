import { itemUsedMs, type AgendaItem } from '@plenary/shared';

export interface AgendaTime {
  /** `25 / 40 min`, `12 min`, `40 min` (planned only, not yet opened), or '' */
  text: string;
  /** used more than planned */
  over: boolean;
}

/** Planned against used time of an item, in whole minutes; live for the open item. */
export function agendaTime(item: AgendaItem, serverNow: number): AgendaTime {
  const started = item.state === 'open' || (item.usedMs ?? 0) > 0;
  const planned = item.durationMin;
  if (!started) return { text: planned !== undefined ? `${planned} min` : '', over: false };
  const usedMs = itemUsedMs(item, serverNow);
  const used = Math.floor(usedMs / 60_000);
  if (planned === undefined) return { text: `${used} min`, over: false };
  return { text: `${used} / ${planned} min`, over: usedMs > planned * 60_000 };
}
