import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecrets } from './auth/secrets';
import { configFromEnv } from './config';

describe('configuration', () => {
  it('[H3] reads the documented variables, with defaults', () => {
    const c = configFromEnv({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', maxFrameBytes: 1024 * 1024 });
    expect(c.dataDir).toMatch(/\/data$/);
    const d = configFromEnv({
      PORT: '8080',
      HOST: '0.0.0.0',
      PLENARY_DATA_DIR: '/tmp/x',
      REDIS_URL: 'redis://r:6379',
      PLENARY_PUBLIC_URL: 'https://plenary.example.org/',
      PLENARY_MAX_FRAME_BYTES: '2048',
    });
    expect(d).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/tmp/x', redisUrl: 'redis://r:6379', publicUrl: 'https://plenary.example.org', maxFrameBytes: 2048 });
  });

  it('[H3][K1][K2][K3][K4][K13][K14] reads the limits, with defaults', () => {
    expect(configFromEnv({})).toMatchObject({
      maxDocBytes: 8 * 1024 * 1024,
      rates: { updates: { perSecond: 50, burst: 500 }, awareness: { perSecond: 50, burst: 500 }, commands: { perSecond: 20, burst: 100 } },
      preAuth: { messages: 4, bytes: 64 * 1024, timeoutMs: 10_000 },
      preAuthPerAddress: 32,
      trustProxy: 0,
      pingMs: 5000,
      yjsPingMs: 30_000,
    });
    const c = configFromEnv({
      PLENARY_MAX_DOC_BYTES: '1000',
      PLENARY_RATE_UPDATES: '5/10',
      PLENARY_RATE_AWARENESS: '0',
      PLENARY_RATE_COMMANDS: '3',
      PLENARY_PREAUTH_MESSAGES: '2',
      PLENARY_PREAUTH_BYTES: '512',
      PLENARY_AUTH_TIMEOUT_MS: '2000',
      PLENARY_PING_MS: '1000',
      PLENARY_YJS_PING_MS: '3000',
      PLENARY_PREAUTH_PER_ADDRESS: '5',
      PLENARY_TRUST_PROXY: 'true',
      PLENARY_MAX_CONNECTIONS: '500',
      PLENARY_HEADERS_TIMEOUT_MS: '2000',
    });
    expect(configFromEnv({ PLENARY_MAX_CONNECTIONS: '500', PLENARY_MAX_CONNECTIONS_PER_ADDRESS: '0' })).toMatchObject({ maxConnections: 500, maxConnectionsPerAddress: 0 });
    expect(configFromEnv({ PLENARY_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(c).toMatchObject({
      preAuthPerAddress: 5,
      trustProxy: 1,
      maxConnections: 500,
      maxConnectionsPerAddress: 250,
      headersTimeoutMs: 2000,
      maxDocBytes: 1000,
      rates: { updates: { perSecond: 5, burst: 10 }, awareness: { perSecond: 0, burst: 0 }, commands: { perSecond: 3, burst: 30 } },
      preAuth: { messages: 2, bytes: 512, timeoutMs: 2000 },
      pingMs: 1000,
      yjsPingMs: 3000,
    });
    expect(() => configFromEnv({ PLENARY_RATE_COMMANDS: 'lots' })).toThrow(/PLENARY_RATE_COMMANDS/);
  });

  it('[H3][X5] reads the export limits, with defaults', () => {
    expect(configFromEnv({}).exports).toEqual({ workers: 1, queuePerSitting: 16, maxChars: 1_000_000, timeoutMs: 60_000 });
    const c = configFromEnv({ PLENARY_EXPORT_WORKERS: '2', PLENARY_EXPORT_QUEUE: '0', PLENARY_MAX_EXPORT_CHARS: '5000', PLENARY_EXPORT_TIMEOUT_MS: '1000' });
    expect(c.exports).toEqual({ workers: 2, queuePerSitting: 0, maxChars: 5000, timeoutMs: 1000 });
    // at least one worker: exports are never rendered on the event loop
    expect(configFromEnv({ PLENARY_EXPORT_WORKERS: '0' }).exports.workers).toBe(1);
  });

  it('[H3] refuses a malformed number with the variable named', () => {
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('[H3] generates the secret and admin key once, keeps them in the data dir, and prefers the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenary-secrets-'));
    const first = loadSecrets(dir, {});
    expect(first.adminKeyGenerated).toBe(true);
    expect(first.secret).toHaveLength(43);
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600);
    const second = loadSecrets(dir, {});
    expect(second).toEqual({ ...first, adminKeyGenerated: false });
    expect(readFileSync(join(dir, 'admin-key'), 'utf8').trim()).toBe(first.adminKey);
    expect(loadSecrets(dir, { secret: 'from-env', adminKey: 'key-env' })).toEqual({ secret: 'from-env', adminKey: 'key-env', adminKeyGenerated: false });
  });
});
