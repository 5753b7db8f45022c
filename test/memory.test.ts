import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { spawnPlenary, type PlenaryChild } from './helpers/child';
import { yClient } from './helpers/plenary';
import { rawYjs } from './helpers/rawYjs';
import { waitFor } from './helpers/wait';
import { bigPaste, commandAskingAnAnswer, editOnUnknownText, neverSyncs, nonReader, paste, rssOf, silentSocketIo } from './attacks/memory';
import { encodeUpdate } from '../server/src/yjs/frames';
import { cmd, createSitting, delegateToken, ioClient, startTestServer, typeInto } from './helpers/plenary';
import type { Comment } from '@plenary/shared';

const SID = 'kabul-process-2017';
const PASTES = 160;
const PASTE_CHARS = 256 * 1024;
const COMMUNIQUE = `${SID}/communique`;
const MiB = 1024 * 1024;
const run = promisify(execFile);

/**
 * Asks /healthz every 100 ms until stopped; resolves with the slowest answer, in ms, as curl
 * measured it (a process of its own: the test's own work does not count).
 */
function watchHealth(url: string): { stop: () => Promise<number> } {
  let running = true;
  let slowest = 0;
  const loop = (async () => {
    while (running) {
      const { stdout } = await run('curl', ['-s', '-o', '/dev/null', '-m', '10', '-w', '%{time_total}', `${url}/healthz`]);
      slowest = Math.max(slowest, Number(stdout) * 1000);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return slowest;
    },
  };
}

describe('[K10] a connection that does not read is dropped, not buffered', () => {
  let child: PlenaryChild;
  const SEND_LIMIT = 1 * MiB;

  beforeAll(async () => {
    child = await spawnPlenary({
      PLENARY_DATA_DIR: mkdtempSync(join(tmpdir(), 'plenary-memory-')),
      PLENARY_MAX_SEND_BUFFER_BYTES: String(SEND_LIMIT),
      // the pasted text stays: 40 MiB of it
      PLENARY_MAX_DOC_BYTES: '0',
      PLENARY_ADMIN_KEY: 'memory-test-admin-key',
    });
  }, 60_000);
  afterAll(() => child?.stop());

  it('[K10] an observer that reads nothing while a delegate pastes 40 MiB: the server holds at most its limit for it, drops it, and serves the others', async () => {
    const delegations = Object.keys(child.tokens).filter((k) => k !== 'chair' && k !== 'observer');
    const writer = await rawYjs(child, COMMUNIQUE, child.tokens[delegations[0]!]!);
    const honest = await yClient(child, COMMUNIQUE, child.tokens[delegations[1]!]!);
    const slow = await nonReader(child.wsUrl, COMMUNIQUE, child.tokens.observer!);
    const pid = child.proc.pid!;
    const before = rssOf(pid);
    let peak = before;
    const health = watchHealth(child.url);
    try {
      for (let i = 0; i < PASTES; i++) {
        writer.edit((d) => paste(d, PASTE_CHARS, i));
        if (i % 8 === 7) {
          await writer.barrier();
          peak = Math.max(peak, rssOf(pid));
        }
      }
      await writer.barrier();
      peak = Math.max(peak, rssOf(pid));
      // the honest reader got every edit
      const mine = writer.doc.clientID;
      await waitFor(() => Y.decodeStateVector(Y.encodeStateVector(honest.doc)).get(mine) === Y.decodeStateVector(Y.encodeStateVector(writer.doc)).get(mine), 20_000, 'the honest reader did not get every edit');
      // the one that read nothing was cut off, holding no more than the limit and the message that passed it
      await waitFor(() => /did not read \d+ bytes/.test(child.output()), 5000, 'the connection that reads nothing was not dropped');
      const held = Number(/did not read (\d+) bytes/.exec(child.output())![1]);
      console.log(`[K10] the non-reader was dropped holding ${held} bytes unsent (limit ${SEND_LIMIT})`);
      // what passed the limit is one relayed message: at most the edits of one barrier, merged
      expect(held).toBeLessThanOrEqual(SEND_LIMIT + 8 * PASTE_CHARS + 4096);
      slow.ws.resume();
      expect(await slow.closed).toBe(1006);
      expect(writer.closed).toBeNull();
    } finally {
      const slowest = await health.stop();
      console.log(`[K10] non-reader: RSS ${(before / MiB).toFixed(0)} → peak ${(peak / MiB).toFixed(0)} MiB over ${(PASTES * PASTE_CHARS) / MiB} MiB relayed; /healthz slowest ${slowest.toFixed(0)} ms`);
      expect(slowest).toBeLessThan(1000);
      slow.ws.terminate();
      writer.close();
      honest.destroy();
    }
  }, 120_000);
});

describe('[K10] edits held before a sync reply are capped in bytes', () => {
  let child: PlenaryChild;

  beforeAll(async () => {
    child = await spawnPlenary({ PLENARY_DATA_DIR: mkdtempSync(join(tmpdir(), 'plenary-held-')), PLENARY_ADMIN_KEY: 'memory-test-admin-key' });
  }, 60_000);
  afterAll(() => child?.stop());

  it('[K10] 4 connections each sending 72 MiB of edits on unknown text and never their sync reply are closed at the cap; the server stays small and serves the others', async () => {
    const delegations = Object.keys(child.tokens).filter((k) => k !== 'chair' && k !== 'observer');
    const writer = await yClient(child, COMMUNIQUE, child.tokens[delegations[0]!]!);
    const reader = await yClient(child, COMMUNIQUE, child.tokens[delegations[1]!]!);
    const attackers = await Promise.all([2, 3, 4, 5].map((i) => neverSyncs(child.wsUrl, COMMUNIQUE, child.tokens[delegations[i]!]!)));
    const pid = child.proc.pid!;
    const before = rssOf(pid);
    let peak = before;
    const health = watchHealth(child.url);
    try {
      const frame = encodeUpdate(editOnUnknownText(900 * 1024));
      for (let round = 0; round < 80; round++) {
        for (const a of attackers) if (a.ws.readyState === a.ws.OPEN) a.ws.send(frame);
        if (round % 10 === 9) {
          await new Promise((r) => setTimeout(r, 50));
          peak = Math.max(peak, rssOf(pid));
        }
      }
      const ends = await Promise.all(attackers.map((a) => Promise.race([a.closed, new Promise<null>((r) => setTimeout(() => r(null), 10_000))])));
      peak = Math.max(peak, rssOf(pid));
      for (const end of ends) expect(end).toEqual({ code: 1008, reason: expect.stringMatching(/before the sync reply/) });
      // the honest pair goes on
      writer.doc.transact(() => typeInto(writer.doc, ' held-attack-marker'));
      await waitFor(() => reader.text().includes('held-attack-marker'), 10_000, 'the honest edit did not arrive');
    } finally {
      const slowest = await health.stop();
      console.log(`[K10] held edits: RSS ${(before / MiB).toFixed(0)} → peak ${(peak / MiB).toFixed(0)} MiB while 4 connections sent 4 × 80 × 900 KiB before their sync reply; /healthz slowest ${slowest.toFixed(0)} ms`);
      for (const a of attackers) a.ws.terminate();
      writer.destroy();
      reader.destroy();
      expect(slowest).toBeLessThan(1000);
    }
    // held, the 288 MiB would be in memory several times over (frames and decoded updates)
    expect(peak - before).toBeLessThan(100 * MiB);
  }, 120_000);
});

describe('[K10][L2] text kept from refused edits is bounded', () => {
  it('[K10][L2] 60 refused pastes of 900 KiB into an agreed paragraph: each kept truncated, the delegation\'s kept text capped, the session doc small; the sender is told once nothing more is kept', async () => {
    const t = await startTestServer();
    const links = await createSitting(t);
    const chair = await ioClient(t, links.links.chair.token);
    const health = watchHealth(t.url);
    try {
      const probe = await rawYjs(t, 'test-sitting/communique', links.links.observer.token);
      const pid = (probe.doc.getXmlFragment('body').get(1) as Y.XmlElement).getAttribute('id') as string;
      probe.close();
      expect(await cmd(chair, 'paragraph.setStatus', { paragraphId: pid, status: 'agreed' })).toEqual({ ok: true });
      const reasons: string[] = [];
      for (let i = 0; i < 60; i++) {
        const pk = await rawYjs(t, 'test-sitting/communique', delegateToken(links, 'pk'));
        pk.edit((d) => typeInto(d, bigPaste(900 * 1024, i), 1));
        await waitFor(() => pk.closed !== null, 10_000, `refused paste ${i} did not close its connection`);
        expect(pk.closed!.code).toBe(4409);
        reasons.push(pk.denied.at(-1) ?? '');
      }
      // a joiner downloads the session doc: what was kept is a small part of it
      const joiner = await yClient(t, 'test-sitting/session', links.links.observer.token);
      try {
        await waitFor(() => [...joiner.doc.getMap<Comment>('comments').values()].some((c) => c.kind === 'kept-edit'));
        const kept = [...joiner.doc.getMap<Comment>('comments').values()].filter((c) => c.kind === 'kept-edit');
        const download = Y.encodeStateAsUpdate(joiner.doc).byteLength;
        const keptChars = kept.reduce((n, c) => n + c.text.length, 0);
        console.log(`[K10] kept edits: ${kept.length} comments, ${keptChars} characters kept of ${60 * 900 * 1024} typed; session doc ${download} bytes`);
        for (const c of kept) expect(c.text.length).toBeLessThanOrEqual(2001);
        expect(keptChars).toBeLessThanOrEqual(50_000);
        expect(download).toBeLessThan(256 * 1024);
      } finally {
        joiner.destroy();
      }
      expect(reasons[0]).toMatch(/kept as a comment/);
      expect(reasons.at(-1)).toMatch(/not kept/);
    } finally {
      const slowest = await health.stop();
      console.log(`[K10] kept edits: /healthz slowest ${slowest.toFixed(0)} ms`);
      chair.close();
      await t.close();
      expect(slowest).toBeLessThan(1000);
    }
  }, 120_000);
});

describe('[K10] a Socket.IO connection that does not read is dropped, not buffered', () => {
  let child: PlenaryChild;
  const SEND_LIMIT = 64 * 1024;

  beforeAll(async () => {
    child = await spawnPlenary({
      PLENARY_DATA_DIR: mkdtempSync(join(tmpdir(), 'plenary-sio-')),
      PLENARY_MAX_SEND_BUFFER_BYTES: String(SEND_LIMIT),
      PLENARY_ADMIN_KEY: 'memory-test-admin-key',
      // the answers to its own commands are what piles up: unthrottled, so that it takes seconds, not hours
      PLENARY_RATE_COMMANDS: '0',
    });
  }, 60_000);
  afterAll(() => child?.stop());

  it('[K10] an observer that sends commands and reads none of the answers is dropped past the limit; the others are served', async () => {
    const delegations = Object.keys(child.tokens).filter((k) => k !== 'chair' && k !== 'observer');
    const honest = await ioClient(child, child.tokens[delegations[0]!]!);
    const silent = await silentSocketIo(child.wsUrl, child.tokens.observer!);
    const health = watchHealth(child.url);
    try {
      const dropped = () => /Socket.IO connection of observer .* did not read \d+ bytes/.test(child.output());
      for (let i = 0; i < 2000 && !dropped() && silent.ws.readyState === silent.ws.OPEN; i++) {
        for (let j = 0; j < 50; j++) silent.ws.send(commandAskingAnAnswer(i * 50 + j));
        await new Promise((r) => setTimeout(r, 10));
      }
      await waitFor(dropped, 10_000, 'the Socket.IO connection that reads nothing was not dropped');
      const [, bytes, packets] = /Socket.IO connection of observer .* did not read (\d+) bytes and (\d+) messages/.exec(child.output())!;
      console.log(`[K10] silent Socket.IO observer dropped with ${bytes} bytes and ${packets} messages unsent (limit ${SEND_LIMIT} bytes, 1,024 messages)`);
      // the limit, and the answers engine.io had written in one go when it was passed
      expect(Number(bytes)).toBeLessThanOrEqual(SEND_LIMIT + 16 * 1024);
      expect(await cmd(honest, 'speakers.request', {})).toMatchObject({ ok: expect.any(Boolean) });
      expect(honest.connected).toBe(true);
    } finally {
      const slowest = await health.stop();
      console.log(`[K10] silent Socket.IO observer: /healthz slowest ${slowest.toFixed(0)} ms`);
      silent.stop();
      silent.ws.terminate();
      honest.close();
      expect(slowest).toBeLessThan(1000);
    }
  }, 120_000);
});
