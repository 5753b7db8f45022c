import { CHAIR_COLOR, OBSERVER_COLOR, type Delegation, type PresenceEntry, type Role } from '@plenary/shared/plain';

export interface PresenceRow {
  key: string;
  name: string;
  role: Role;
  /** short code of the delegation, e.g. "PK"; delegates only */
  short?: string;
  color: string;
  connections: number;
}

const ROLE_ORDER: Record<Role, number> = { chair: 0, delegate: 1, observer: 2 };

/**
 * The presence list as shown: the chair first, then delegations in the sitting's own order
 * (the order of the invitation list, not the order people arrived), then observers.
 * Each delegation keeps its one colour everywhere.
 */
export function presenceRows(entries: readonly PresenceEntry[], delegations: readonly Delegation[]): PresenceRow[] {
  const index = new Map(delegations.map((d, i) => [d.id, i]));
  const byId = new Map(delegations.map((d) => [d.id, d]));
  const rank = (e: PresenceEntry) => (e.delegation !== undefined ? (index.get(e.delegation) ?? delegations.length) : 0);
  return [...entries]
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || rank(a) - rank(b) || a.name.localeCompare(b.name))
    .map((e) => {
      const d = e.delegation !== undefined ? byId.get(e.delegation) : undefined;
      const color = e.role === 'chair' ? CHAIR_COLOR : e.role === 'observer' ? OBSERVER_COLOR : (d?.color ?? OBSERVER_COLOR);
      const row: PresenceRow = { key: e.key, name: d?.name ?? e.name, role: e.role, color, connections: e.connections };
      if (d) row.short = d.short;
      return row;
    });
}

/** How many delegations (not people, not tabs) are in the room. */
export function delegationsPresent(entries: readonly PresenceEntry[]): number {
  return new Set(entries.filter((e) => e.role === 'delegate').map((e) => e.delegation ?? e.key)).size;
}
