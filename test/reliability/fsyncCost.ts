/**
 * What `appendfsync always` costs against `everysec`: Plenary (its own process) on its own
 * redis-server (AOF on, in a temp dir on the machine's disk), with writers that each type a word
 * into the communiqué and wait until an observer has it (acknowledged, W1) before typing the next,
 * and delegations that each send a command and wait for its ack before the next. Counts what was
 * acknowledged per second and how long each took, for a bounded time per policy.
 * (Writers and senders share out the delegate links the demo sitting prints.)
 * Used by `npm run measure:fsync` (docs/RELIABILITY.md) and test/redisIncident.test.ts (briefly).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Y from 'yjs';
import { summarize, type Summary } from '../../bench/stats';
import { DEMO_SESSION_ID } from '../../server/src/demo/kabul';
import { spawnPlenary } from '../helpers/child';
import { cmd, ioClient, typeInto, yClient, type TestSocket, type YClient } from '../helpers/plenary';
import { startRedis } from '../helpers/redisServer';

export type AppendFsync = 'always' | 'everysec';

export interface FsyncCostOptions {
  appendfsync: AppendFsync;
  /** stock y-websocket clients typing, one delegation each (default 8) */
  writers?: number;
  /** Socket.IO clients sending commands, one delegation each (default 4) */
  senders?: number;
  /** how long each policy is measured (default 10 s) */
  seconds?: number;
}

export interface FsyncCost {
  appendfsync: AppendFsync;
  writers: number;
  senders: number;
  seconds: number;
  editsPerSecond: number;
  /** from typing a word until the observer had it, ms */
  edit: Summary;
  commandsPerSecond: number;
  /** from sending a command until its ack, ms */
  command: Summary;
  /** edits not seen within 10 s and commands refused or timed out */
  failures: number;
}

const COMMUNIQUE = `${DEMO_SESSION_ID}/communique`;
const WAIT_MS = 10_000;
const WORD = /\bf(\d+)x(\d+)\b/g;

/** Resolves the waiter of each word `f<writer>x<n>` when the observer's doc first holds it. */
function watchWords(doc: Y.Doc): (word: string) => Promise<boolean> {
  const waiting = new Map<string, () => void>();
  doc.getXmlFragment('body').observeDeep((events) => {
    for (const e of events) {
      for (const d of e.delta) {
        if (typeof d.insert !== 'string') continue;
        for (const m of d.insert.matchAll(WORD)) {
          waiting.get(m[0])?.();
          waiting.delete(m[0]);
        }
      }
    }
  });
  return (word) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(word);
        resolve(false);
      }, WAIT_MS);
      waiting.set(word, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
}

export async function measureFsyncCost(opts: FsyncCostOptions): Promise<FsyncCost> {
  const writers = opts.writers ?? 8;
  const senders = opts.senders ?? 4;
  const seconds = opts.seconds ?? 10;
  const redis = await startRedis({ appendfsync: opts.appendfsync });
  const dataDir = mkdtempSync(join(tmpdir(), 'plenary-fsync-'));
  const node = await spawnPlenary({
    REDIS_URL: redis.url,
    PLENARY_DATA_DIR: dataDir,
    PLENARY_SECRET: 'fsync-cost-secret-0123456789abcdef0123',
    PLENARY_ADMIN_KEY: 'fsync-cost-admin-key',
    // the measure is the store's, not the per-connection limits' (K1)
    PLENARY_RATE_UPDATES: '100000/100000',
    PLENARY_RATE_COMMANDS: '100000/100000',
  });
  const clients: (YClient | TestSocket)[] = [];
  try {
    const delegations = Object.keys(node.tokens).filter((k) => k !== 'chair' && k !== 'observer');
    // a delegation may have several connections: the printed links are shared out in turn
    const token = (i: number) => node.tokens[delegations[i % delegations.length]!]!;
    const observer = await yClient(node, COMMUNIQUE, node.tokens.observer!);
    clients.push(observer);
    const seen = watchWords(observer.doc);
    const paragraph = observer.doc.getXmlFragment('body').get(1) as Y.XmlElement;
    const paragraphId = String(paragraph.getAttribute('id'));
    const typers = await Promise.all(Array.from({ length: writers }, (_, i) => yClient(node, COMMUNIQUE, token(i))));
    const sockets = await Promise.all(Array.from({ length: senders }, (_, i) => ioClient(node, token(writers + i))));
    clients.push(...typers, ...sockets);

    const editMs: number[] = [];
    const commandMs: number[] = [];
    let failures = 0;
    const until = Date.now() + seconds * 1000;
    const typing = typers.map(async (t, k) => {
      for (let n = 0; Date.now() < until; n++) {
        const word = `f${k}x${n}`;
        const arrived = seen(word);
        const start = performance.now();
        // each writer in its own paragraph of the first three
        typeInto(t.doc, ` ${word}`, 1 + (k % 3));
        if (await arrived) editMs.push(performance.now() - start);
        else failures++;
      }
    });
    const commanding = sockets.map(async (s) => {
      while (Date.now() < until) {
        const start = performance.now();
        const ack = await cmd(s, 'comment.add', { paragraphId, text: 'Measured comment' }).catch(() => null);
        if (ack?.ok) commandMs.push(performance.now() - start);
        else failures++;
      }
    });
    await Promise.all([...typing, ...commanding]);
    return {
      appendfsync: opts.appendfsync,
      writers,
      senders,
      seconds,
      editsPerSecond: editMs.length / seconds,
      edit: summarize(editMs),
      commandsPerSecond: commandMs.length / seconds,
      command: summarize(commandMs),
      failures,
    };
  } finally {
    for (const c of clients) 'provider' in c ? c.destroy() : c.close();
    await node.kill9();
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatFsyncCost(r: FsyncCost): string {
  const ms = (s: Summary) => `p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`;
  return (
    `appendfsync ${r.appendfsync}: ${r.writers} writers ${Math.round(r.editsPerSecond)} edits/s acked (${ms(r.edit)}); ` +
    `${r.senders} senders ${Math.round(r.commandsPerSecond)} commands/s acked (${ms(r.command)}); ${r.failures} failures; ${r.seconds} s`
  );
}
