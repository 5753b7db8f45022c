import { spokenBySitting, spokenOnItemMs, type AgendaItem, type Delegation } from '@plenary/shared/plain';
import { formatSpoken } from './timerDisplay';

/** What a delegate may do about the floor on the open item, for their own delegation. */
export interface FloorButtons {
  /** `show` the request button, say `closed` (list closed), or `hidden` (on the list, or speaking) */
  request: 'show' | 'closed' | 'hidden';
  pointOfOrder: boolean;
  withdraw: boolean;
  /** 1-based place on the list, or null */
  place: number | null;
  speaking: boolean;
}

export function floorButtons(item: AgendaItem, delegation: string): FloorButtons {
  const queue = item.queue ?? [];
  const index = queue.findIndex((e) => e.delegation === delegation);
  const onList = index >= 0;
  const speaking = item.floor?.delegation === delegation;
  const raisedOrder = onList && queue[index]!.pointOfOrder;
  return {
    request: onList || speaking ? 'hidden' : item.speakersClosed ? 'closed' : 'show',
    pointOfOrder: !speaking && !raisedOrder,
    withdraw: onList,
    place: onList ? index + 1 : null,
    speaking,
  };
}

/** `2:10`, or `2:10 / 5:00` against the item's budget; `over` once the budget is spent. */
export function spokenAgainstBudget(item: AgendaItem, delegation: string, now: number): { text: string; over: boolean } {
  const spoken = spokenOnItemMs(item, delegation, now);
  if (item.budgetSec === undefined) return { text: formatSpoken(spoken), over: false };
  const budgetMs = item.budgetSec * 1000;
  return { text: `${formatSpoken(spoken)} / ${formatSpoken(budgetMs)}`, over: spoken > budgetMs };
}

export interface SpokenRow {
  delegation: string;
  name: string;
  color: string;
  /** on the open item, running speech included; 0 without an open item */
  itemMs: number;
  sittingMs: number;
}

/** Who has spoken how long over the sitting, longest first (then by name). */
export function timeSpokenRows(items: AgendaItem[], delegations: Delegation[], open: AgendaItem | null, now: number): SpokenRow[] {
  const totals = spokenBySitting(items, now);
  const byId = new Map(delegations.map((d) => [d.id, d]));
  return Object.entries(totals)
    .filter(([, ms]) => ms > 0)
    .map(([id, ms]) => ({
      delegation: id,
      name: byId.get(id)?.name ?? id,
      color: byId.get(id)?.color ?? '#6c757d',
      itemMs: open ? spokenOnItemMs(open, id, now) : 0,
      sittingMs: ms,
    }))
    .sort((a, b) => b.sittingMs - a.sittingMs || a.name.localeCompare(b.name));
}

export interface DelegationInfo {
  id: string;
  name: string;
  short: string;
  color: string;
}

/** Name and colour of a delegation id; an unknown id shows as itself, in grey. */
export function delegationInfo(delegations: Delegation[], id: string): DelegationInfo {
  const d = delegations.find((x) => x.id === id);
  return d ? { id, name: d.name, short: d.short, color: d.color } : { id, name: id, short: id.toUpperCase(), color: '#6c757d' };
}
