import type { Ack } from '@plenary/shared';

/** One Yjs update as the log keeps it: who sent it and when. */
export interface StoredUpdate {
  update: Uint8Array;
  /** actor key (`chair`, `delegate:pk`, `server`) */
  actor: string;
  at: number;
}

/** An applied command: its audit line and the ack a retry with the same id gets back. */
export interface CommandRecord {
  sid: string;
  id: string;
  actor: string;
  type: string;
  payload: unknown;
  at: number;
  ack: Ack;
}

/** One line of a sitting's audit log. */
export type AuditEntry =
  | { kind: 'command'; id: string; actor: string; type: string; payload: unknown; at: number }
  | { kind: 'update'; doc: string; actor: string; at: number; size: number };

/** The registry's record of a sitting: enough to authenticate without loading a doc. */
export interface SittingRecord {
  sid: string;
  title: string;
  delegations: { id: string; name: string; color: string }[];
  createdAt: number;
  /** each invite's generation (by actor key: `chair`, `observer`, `delegate:<id>`), when it was ever revoked (R9) */
  invites?: Record<string, number>;
}

export interface LoadedDoc {
  /** state of the doc at `snapshotPos`, or null before the first compaction */
  snapshot: Uint8Array | null;
  /** the snapshot's state vector, when it was stored with it (W7) */
  snapshotVector?: Uint8Array;
  /** updates after the snapshot, in the order they were appended */
  updates: Uint8Array[];
  /** position of the last entry (opaque; pass it back to `compact`), or null for an empty doc */
  lastPos: string | null;
}

/** A doc's whole state as one update, with its state vector: what a sync needs without the doc (W7). */
export interface Snapshot {
  state: Uint8Array;
  vector: Uint8Array;
}

export interface AppendBatch {
  updates: StoredUpdate[];
  commands: CommandRecord[];
}

/**
 * Where docs, sittings and the audit log live. `append` is write-ahead: it resolves only once the
 * batch is durable, and the batch is written all or nothing.
 */
export interface DocStore {
  readonly kind: 'sqlite' | 'redis';
  loadDoc(name: string): Promise<LoadedDoc>;
  /** Appends a batch; the updates and commands are written together. Resolves to the last update's position. */
  append(name: string, batch: AppendBatch): Promise<string | null>;
  /** Replaces every entry of the log up to and including `upTo` by `snapshot`, kept with its state vector. */
  compact(name: string, snapshot: Snapshot, upTo: string): Promise<void>;

  /** Registers a sitting; false when the id is taken. */
  createSitting(record: SittingRecord): Promise<boolean>;
  getSitting(sid: string): Promise<SittingRecord | null>;
  listSittings(): Promise<SittingRecord[]>;
  /**
   * Moves an invite (an actor key) of a sitting to its next generation, so that tokens minted
   * before are refused (R9); resolves to the new generation, or null when there is no such sitting.
   */
  revokeInvite(sid: string, invite: string): Promise<number | null>;

  /** The ack of a command already applied by this actor with this id, if any. */
  findCommand(sid: string, actor: string, id: string): Promise<Ack | null>;
  readAudit(sid: string): Promise<AuditEntry[]>;

  close(): Promise<void>;
}

/** The audit lines a batch adds: one per update, one per command. */
export function auditEntries(name: string, batch: AppendBatch): AuditEntry[] {
  return [
    ...batch.updates.map(
      (u): AuditEntry => ({ kind: 'update', doc: name, actor: u.actor, at: u.at, size: u.update.byteLength }),
    ),
    ...batch.commands.map((c): AuditEntry => ({ kind: 'command', id: c.id, actor: c.actor, type: c.type, payload: c.payload, at: c.at })),
  ];
}
