import type { Ack, CommandType } from '@plenary/shared';
import type { ServerRefusal } from './refusals';
import { readJson, writeJson, type KeyValueStore } from './localCopy';

/** A command waiting for the server's answer; its id stays the same however often it is sent. */
export interface QueuedCommand {
  id: string;
  type: CommandType;
  payload: unknown;
  /** local ms when it was asked for */
  at: number;
  /** asked for while there was no connection: its answer may come long after */
  offline: boolean;
}

/**
 * A queued command the server refused once it could be sent: its English message, and the key and
 * values that put it in the words of whatever language the interface speaks when it is shown (I7).
 */
export interface Refusal extends ServerRefusal {
  id: string;
  type: CommandType;
}

/**
 * The commands of one sitting and actor not yet answered by the server, in the order they were
 * asked for, kept in `localStorage` so a reload or a crash loses none. The server applies each
 * id once (C4), so sending one again after a lost answer is safe.
 */
export class Outbox {
  private items: QueuedCommand[];

  constructor(
    private readonly store: KeyValueStore | null,
    private readonly key: string | null,
  ) {
    const stored = key ? readJson<unknown>(store, key, []) : [];
    this.items = Array.isArray(stored) ? stored.filter(isQueued) : [];
  }

  get size(): number {
    return this.items.length;
  }

  /** every command not answered yet, oldest first */
  all(): readonly QueuedCommand[] {
    return this.items;
  }

  first(): QueuedCommand | undefined {
    return this.items[0];
  }

  add(cmd: QueuedCommand): void {
    this.items.push(cmd);
    this.save();
  }

  /** No answer came on the connection it was sent on: it is answered later, like one asked for offline. */
  delayed(id: string): void {
    const cmd = this.items.find((c) => c.id === id);
    if (!cmd || cmd.offline) return;
    cmd.offline = true;
    this.save();
  }

  /** Drops the command once the server has answered it. */
  settle(id: string): void {
    this.items = this.items.filter((c) => c.id !== id);
    this.save();
  }

  private save(): void {
    if (this.key) writeJson(this.store, this.key, this.items.length > 0 ? this.items : null);
  }
}

function isQueued(v: unknown): v is QueuedCommand {
  const c = v as Partial<QueuedCommand> | null;
  return !!c && typeof c.id === 'string' && typeof c.type === 'string' && typeof c.at === 'number';
}

/**
 * A refusal the person must find listed: of a command asked for offline, or of one restored from
 * an earlier page (`orphan`); other refusals reach the form or toast that asked.
 */
export function refusalOf(cmd: QueuedCommand, ack: Ack, orphan: boolean): Refusal | null {
  if (ack.ok || !(cmd.offline || orphan)) return null;
  const { message, key, params } = ack.error;
  return { id: cmd.id, type: cmd.type, message, ...(key ? { key, params: params ?? {} } : {}) };
}
