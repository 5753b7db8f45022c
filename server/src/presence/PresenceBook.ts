import { actorKey, type Actor, type PresenceEntry } from '@plenary/shared';
import { Presence } from './Presence';

/** Who is connected to each sitting, on this node or on all of them. */
export interface PresenceBook {
  /** Records a connection; resolves to the open connections of its actor key in the sitting, this one included. */
  add(connectionId: string, actor: Actor): Promise<number>;
  /** Forgets a connection; resolves to the open connections its actor key has left. */
  remove(actor: Actor, connectionId: string): Promise<number>;
  /** Open connections of one actor key (`delegate:pk`) in a sitting. */
  count(sid: string, key: string): Promise<number>;
  list(sid: string): Promise<PresenceEntry[]>;
  /** Connections that came or went without an event on this node (a node died, or came back): their sitting and actors. */
  onChange(listener: (sid: string, actors: Actor[]) => void): void;
}

/** One node: presence in memory. */
export class LocalPresenceBook implements PresenceBook {
  constructor(private readonly presence = new Presence()) {}

  async add(connectionId: string, actor: Actor): Promise<number> {
    this.presence.add(connectionId, actor);
    return this.presence.count(actor.sid, actorKey(actor));
  }

  async remove(actor: Actor, connectionId: string): Promise<number> {
    this.presence.remove(actor.sid, connectionId);
    return this.presence.count(actor.sid, actorKey(actor));
  }

  async count(sid: string, key: string): Promise<number> {
    return this.presence.count(sid, key);
  }

  async list(sid: string): Promise<PresenceEntry[]> {
    return this.presence.list(sid);
  }

  onChange(): void {
    // nothing changes behind this node's back
  }
}
