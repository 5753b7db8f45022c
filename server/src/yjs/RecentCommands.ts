import type { CommandRecord } from '../store/DocStore';

/**
 * The latest stored commands of a doc, whole, so that their acks and audit lines can be stored
 * again when Redis loses them (N6): the last `maxCount`, and fewer when their payloads pass
 * `maxBytes`, so that a sitting held for days does not grow with every command.
 */
export class RecentCommands {
  private readonly byKey = new Map<string, { record: CommandRecord; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly maxCount: number,
    private readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.byKey.size;
  }

  /** Remembers commands just stored; the oldest go first. */
  add(records: CommandRecord[]): void {
    for (const record of records) {
      const key = `${record.actor}|${record.id}`;
      const bytes = JSON.stringify(record.payload ?? null).length + 256;
      this.bytes += bytes - (this.byKey.get(key)?.bytes ?? 0);
      this.byKey.delete(key);
      this.byKey.set(key, { record, bytes });
    }
    for (const [key, r] of this.byKey) {
      if (this.byKey.size <= this.maxCount && this.bytes <= this.maxBytes) break;
      this.byKey.delete(key);
      this.bytes -= r.bytes;
    }
  }

  records(): CommandRecord[] {
    return [...this.byKey.values()].map((r) => r.record);
  }
}
