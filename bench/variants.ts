/**
 * Experimental variants of Plenary, patched in at run time in the benchmark's server process only
 * (`npm run bench -- --plenary-variant coalesce:5,traceload`), to measure a change before anyone
 * changes `server/src`. Nothing here is used by Plenary itself.
 *
 * - `coalesce:<ms>`: the relay's merge window (server/src/yjs/fanout.ts) set to <ms> instead of
 *   its default; 0 relays every stored batch at once.
 * - `traceload`: changes nothing; logs how long loading a doc takes, step by step (store read,
 *   applying, compacting), to the server's stderr.
 */
import { performance } from 'node:perf_hooks';
import type { Snapshot } from '../server/src/store/DocStore';
import { SqliteStore } from '../server/src/store/SqliteStore';
import { Room } from '../server/src/yjs/Room';

function coalesce(ms: number): void {
  const load = Room.load.bind(Room);
  Room.load = (name, store, opts) => load(name, store, { ...opts, coalesceMs: ms });
}

function traceLoad(): void {
  const log = (m: string) => process.stderr.write(`[traceload] ${m}\n`);
  const store = SqliteStore.prototype;
  const loadDoc = store.loadDoc;
  store.loadDoc = async function (this: SqliteStore, name: string) {
    const t = performance.now();
    const r = await loadDoc.call(this, name);
    log(`${name}: store.loadDoc ${(performance.now() - t).toFixed(1)} ms (snapshot ${r.snapshot?.byteLength ?? 0} B, ${r.updates.length} updates)`);
    return r;
  };
  const compact = store.compact;
  store.compact = async function (this: SqliteStore, name: string, snapshot: Snapshot, upTo: string) {
    const t = performance.now();
    await compact.call(this, name, snapshot, upTo);
    log(`${name}: store.compact ${(performance.now() - t).toFixed(1)} ms (snapshot ${snapshot.state.byteLength} B)`);
  };
  const load = Room.load.bind(Room);
  Room.load = async (name, s, opts) => {
    const t = performance.now();
    const room = await load(name, s, opts);
    log(`${name}: Room.load ${(performance.now() - t).toFixed(1)} ms in all`);
    return room;
  };
}

/** Applies `PLENARY_BENCH_VARIANT` (e.g. `coalesce:20,preframe`); returns what was applied. */
export function applyVariants(spec: string | undefined): string[] {
  const applied: string[] = [];
  for (const part of (spec ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name, arg] = part.split(':');
    if (name === 'coalesce') {
      const ms = Number(arg ?? 0);
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`coalesce:<ms> needs a number, got "${arg}"`);
      coalesce(ms);
      applied.push(`coalesce:${ms}`);
    } else if (name === 'traceload') {
      traceLoad();
      applied.push('traceload');
    } else throw new Error(`unknown variant "${part}" (coalesce:<ms>, traceload)`);
  }
  return applied;
}
