import { parseDocName } from '@plenary/shared';

/** One stored update read back from a doc's log. */
export interface LogEntry {
  /** its position in the log */
  id: string;
  update: Uint8Array;
  /** the node that stored it, when the log says */
  node: string | null;
}

/** What a room applies to reach the end of a doc's log from its position. */
export interface CatchUp {
  /** the doc's snapshot, when the log was compacted past the room's position */
  snapshot: { data: Uint8Array; upto: string } | null;
  /** entries after the snapshot (or the position), in log order */
  entries: LogEntry[];
}

/** A loaded doc as the bus sees it: where it is in the log, and where to deliver. */
export interface DocFollower {
  /** the last log position the doc has applied (everything up to it is in the doc) */
  position(): string | null;
  /** entries other nodes (and this one) stored after that position */
  log(catchUp: CatchUp): void;
  /** an awareness update from a connection on another node */
  awareness(update: Uint8Array, node: string): void;
  /** the awareness states this node's connections own, for a node that has just loaded the doc */
  localAwareness(): Uint8Array | null;
  /** the log position of the last entry this node wrote (with a bus, possibly past `position()`) */
  written(): string | null;
  /**
   * The store lost entries this node had written or read (N6): the doc follows the log on from
   * `from`, the last position the store still holds, and stores its whole state again.
   */
  restore(from: string | null): Promise<void>;
}

/**
 * How several nodes share docs. Each doc's log in the store is also the channel between nodes:
 * every node reads back what the others appended; awareness travels beside it; server changes to
 * a sitting's docs run under one lock per sitting.
 */
export interface DocBus {
  readonly nodeId: string;
  /** Orders two log positions. */
  comparePositions(a: string, b: string): number;
  /** Everything of a doc's log after `after` (null: from its start). */
  readSince(name: string, after: string | null): Promise<CatchUp>;
  /** Delivers a doc's new log entries and remote awareness until the returned function is called. */
  follow(name: string, follower: DocFollower): () => void;
  /** Tells the other nodes that hold the doc about an awareness change of a local connection. */
  publishAwareness(name: string, update: Uint8Array): void;
  /** Runs `fn` while this node holds the lock of the doc's sitting (reentrant within `fn`). */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** The sitting a doc belongs to: the unit of locking. */
export function sittingOf(name: string): string {
  return parseDocName(name)?.sid ?? name;
}
