import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Ack } from '@plenary/shared';
import { parseDocName } from '@plenary/shared';
import { privateDir, privateFile } from '../dataDir';
import { auditEntries, type AppendBatch, type AuditEntry, type DocStore, type LoadedDoc, type SittingRecord, type Snapshot } from './DocStore';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  doc TEXT NOT NULL,
  data BLOB NOT NULL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_doc ON updates (doc, seq);
CREATE TABLE IF NOT EXISTS snapshots (doc TEXT PRIMARY KEY, data BLOB NOT NULL, upto INTEGER NOT NULL, vector BLOB);
CREATE TABLE IF NOT EXISTS sittings (sid TEXT PRIMARY KEY, record TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS commands (
  sid TEXT NOT NULL, actor TEXT NOT NULL, id TEXT NOT NULL, ack TEXT NOT NULL,
  PRIMARY KEY (sid, actor, id)
);
CREATE TABLE IF NOT EXISTS audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, sid TEXT NOT NULL, entry TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_by_sid ON audit (sid, seq);
`;

/**
 * The embedded store: one SQLite file in WAL mode. Writes are synchronous and committed before
 * `append` resolves; with `synchronous=NORMAL` a committed transaction survives a crash of the
 * process (not necessarily of the machine's power).
 */
export class SqliteStore implements DocStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly stmt;

  constructor(dataDir: string, file = 'plenary.sqlite') {
    privateDir(dataDir);
    // created 600 first: SQLite gives the -wal and -shm files the database file's mode (H6)
    const path = join(dataDir, file);
    privateFile(path);
    for (const companion of ['-wal', '-shm']) if (existsSync(path + companion)) privateFile(path + companion);
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    // files written before snapshots kept their state vector
    const columns = this.db.prepare<[], { name: string }>('PRAGMA table_info(snapshots)').all();
    if (!columns.some((c) => c.name === 'vector')) this.db.exec('ALTER TABLE snapshots ADD COLUMN vector BLOB');
    this.stmt = {
      snapshot: this.db.prepare<[string], { data: Buffer; upto: number; vector: Buffer | null }>(
        'SELECT data, upto, vector FROM snapshots WHERE doc = ?',
      ),
      updatesAfter: this.db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE doc = ? AND seq > ? ORDER BY seq',
      ),
      insertUpdate: this.db.prepare<[string, Uint8Array, string, number]>(
        'INSERT INTO updates (doc, data, actor, at) VALUES (?, ?, ?, ?)',
      ),
      insertCommand: this.db.prepare<[string, string, string, string]>(
        'INSERT OR IGNORE INTO commands (sid, actor, id, ack) VALUES (?, ?, ?, ?)',
      ),
      insertAudit: this.db.prepare<[string, string]>('INSERT INTO audit (sid, entry) VALUES (?, ?)'),
      upsertSnapshot: this.db.prepare<[string, Uint8Array, number, Uint8Array]>(
        'INSERT INTO snapshots (doc, data, upto, vector) VALUES (?, ?, ?, ?) ON CONFLICT (doc) DO UPDATE SET data = excluded.data, upto = excluded.upto, vector = excluded.vector',
      ),
      deleteUpTo: this.db.prepare<[string, number]>('DELETE FROM updates WHERE doc = ? AND seq <= ?'),
      insertSitting: this.db.prepare<[string, string, number]>(
        'INSERT OR IGNORE INTO sittings (sid, record, created_at) VALUES (?, ?, ?)',
      ),
      getSitting: this.db.prepare<[string], { record: string }>('SELECT record FROM sittings WHERE sid = ?'),
      updateSitting: this.db.prepare<[string, string]>('UPDATE sittings SET record = ? WHERE sid = ?'),
      listSittings: this.db.prepare<[], { record: string }>('SELECT record FROM sittings ORDER BY created_at'),
      findCommand: this.db.prepare<[string, string, string], { ack: string }>(
        'SELECT ack FROM commands WHERE sid = ? AND actor = ? AND id = ?',
      ),
      readAudit: this.db.prepare<[string], { entry: string }>('SELECT entry FROM audit WHERE sid = ? ORDER BY seq'),
    };
  }

  async loadDoc(name: string): Promise<LoadedDoc> {
    return this.db.transaction((): LoadedDoc => {
      const snap = this.stmt.snapshot.get(name);
      const rows = this.stmt.updatesAfter.all(name, snap?.upto ?? 0);
      const last = rows.at(-1)?.seq ?? snap?.upto;
      return {
        snapshot: snap ? new Uint8Array(snap.data) : null,
        ...(snap?.vector ? { snapshotVector: new Uint8Array(snap.vector) } : {}),
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastPos: last === undefined ? null : String(last),
      };
    })();
  }

  private readonly appendTx = (name: string, batch: AppendBatch): string | null => {
    let last: number | bigint | null = null;
    for (const u of batch.updates) last = this.stmt.insertUpdate.run(name, u.update, u.actor, u.at).lastInsertRowid;
    for (const c of batch.commands) this.stmt.insertCommand.run(c.sid, c.actor, c.id, JSON.stringify(c.ack));
    const sid = parseDocName(name)?.sid ?? name;
    for (const e of auditEntries(name, batch)) this.stmt.insertAudit.run(sid, JSON.stringify(e));
    return last === null ? null : String(last);
  };

  async append(name: string, batch: AppendBatch): Promise<string | null> {
    return this.db.transaction(this.appendTx)(name, batch);
  }

  async compact(name: string, snapshot: Snapshot, upTo: string): Promise<void> {
    const seq = Number(upTo);
    this.db.transaction(() => {
      this.stmt.upsertSnapshot.run(name, snapshot.state, seq, snapshot.vector);
      this.stmt.deleteUpTo.run(name, seq);
    })();
  }

  async createSitting(record: SittingRecord): Promise<boolean> {
    return this.stmt.insertSitting.run(record.sid, JSON.stringify(record), record.createdAt).changes === 1;
  }

  async getSitting(sid: string): Promise<SittingRecord | null> {
    const row = this.stmt.getSitting.get(sid);
    return row ? (JSON.parse(row.record) as SittingRecord) : null;
  }

  async revokeInvite(sid: string, invite: string): Promise<number | null> {
    return this.db.transaction(() => {
      const row = this.stmt.getSitting.get(sid);
      if (!row) return null;
      const record = JSON.parse(row.record) as SittingRecord;
      const generation = (record.invites?.[invite] ?? 0) + 1;
      this.stmt.updateSitting.run(JSON.stringify({ ...record, invites: { ...record.invites, [invite]: generation } }), sid);
      return generation;
    })();
  }

  async listSittings(): Promise<SittingRecord[]> {
    return this.stmt.listSittings.all().map((r) => JSON.parse(r.record) as SittingRecord);
  }

  async findCommand(sid: string, actor: string, id: string): Promise<Ack | null> {
    const row = this.stmt.findCommand.get(sid, actor, id);
    return row ? (JSON.parse(row.ack) as Ack) : null;
  }

  async readAudit(sid: string): Promise<AuditEntry[]> {
    return this.stmt.readAudit.all(sid).map((r) => JSON.parse(r.entry) as AuditEntry);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
