import { actorKey, type Actor, type PresenceEntry } from '@plenary/shared';

/** Who is connected to each sitting, by connection; listed so that a delegation counts once. */
export class Presence {
  private readonly bySitting = new Map<string, Map<string, Actor>>();

  add(connectionId: string, actor: Actor): void {
    let conns = this.bySitting.get(actor.sid);
    if (!conns) this.bySitting.set(actor.sid, (conns = new Map()));
    conns.set(connectionId, actor);
  }

  remove(sid: string, connectionId: string): void {
    const conns = this.bySitting.get(sid);
    conns?.delete(connectionId);
    if (conns?.size === 0) this.bySitting.delete(sid);
  }

  /** Open connections of one actor key (`delegate:pk`) in a sitting. */
  count(sid: string, key: string): number {
    let n = 0;
    for (const actor of this.bySitting.get(sid)?.values() ?? []) if (actorKey(actor) === key) n++;
    return n;
  }

  list(sid: string): PresenceEntry[] {
    const entries = new Map<string, PresenceEntry>();
    for (const actor of this.bySitting.get(sid)?.values() ?? []) {
      const key = actorKey(actor);
      const entry = entries.get(key);
      if (entry) entry.connections++;
      else
        entries.set(key, {
          key,
          role: actor.role,
          ...(actor.delegation ? { delegation: actor.delegation } : {}),
          name: actor.name,
          connections: 1,
        });
    }
    const order = { chair: 0, delegate: 1, observer: 2 } as const;
    return [...entries.values()].sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name));
  }
}
