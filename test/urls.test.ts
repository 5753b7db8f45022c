import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MALFORMED_PERCENT_PATHS, MALFORMED_PERCENT_UPGRADES, rawRequest, rawUpgrade, sendRaw, UNREADABLE_TARGETS } from './attacks/access';
import { createSitting, startTestServer, type TestServer } from './helpers/plenary';

describe('malformed percent-escapes', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await createSitting(t);
  });
  afterAll(() => t.close());

  it.each(MALFORMED_PERCENT_PATHS)('[H5] GET %s answers 400 with a clear message, not 500', async (path) => {
    const res = await sendRaw(t.server.port, rawRequest(path));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ error: { code: 'INVALID', message: expect.stringContaining('percent') } });
  });

  it.each(MALFORMED_PERCENT_UPGRADES)('[H5] the WebSocket upgrade %s answers 400, and the server carries on', async (path) => {
    const res = await sendRaw(t.server.port, rawUpgrade(path));
    expect(res.status).toBe(400);
    expect(res.body).toContain('percent');
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it.each(UNREADABLE_TARGETS)('[H5] a request target that is no URL (%s) answers 400 as an upgrade, and no 500 as a request', async (target) => {
    expect((await sendRaw(t.server.port, rawUpgrade(target))).status).toBe(400);
    expect((await sendRaw(t.server.port, rawRequest(target))).status).toBeLessThan(500);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });
});

describe('the data dir', () => {
  it('[H6] a fresh data dir is 700 and the SQLite file, its WAL and shared memory and the generated secret and admin key are 600', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'plenary-modes-')), 'data');
    const t = await startTestServer({ dataDir: dir });
    try {
      await createSitting(t);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      const files = readdirSync(dir);
      expect(files).toEqual(expect.arrayContaining(['plenary.sqlite', 'plenary.sqlite-wal', 'plenary.sqlite-shm', 'secret', 'admin-key']));
      for (const f of files) expect([f, (statSync(join(dir, f)).mode & 0o777).toString(8)]).toEqual([f, '600']);
    } finally {
      await t.close();
    }
  });
});
