import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  redisUrl?: string;
  secret?: string;
  adminKey?: string;
  /** base of printed links; defaults to http://<host>:<port> */
  publicUrl?: string;
  /** largest frame accepted on any socket, in bytes */
  maxFrameBytes: number;
  /** compact a doc's log into a snapshot after this many updates */
  compactEvery: number;
  /** how long an idle doc stays in memory, in ms */
  unloadAfterMs: number;
  /** lifetime of invite tokens, in days */
  tokenDays: number;
  /** create the demo sitting when the store has no sitting */
  demo: boolean;
  /** where the built client is; served when it exists */
  clientDir: string;
  nodeId: string;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const opt = (v: string | undefined) => (v ? v : undefined);
  return {
    port: int(env.PORT, 3000, 'PORT'),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.PLENARY_DATA_DIR || './data'),
    ...(opt(env.REDIS_URL) ? { redisUrl: env.REDIS_URL! } : {}),
    ...(opt(env.PLENARY_SECRET) ? { secret: env.PLENARY_SECRET! } : {}),
    ...(opt(env.PLENARY_ADMIN_KEY) ? { adminKey: env.PLENARY_ADMIN_KEY! } : {}),
    ...(opt(env.PLENARY_PUBLIC_URL) ? { publicUrl: env.PLENARY_PUBLIC_URL!.replace(/\/+$/, '') } : {}),
    maxFrameBytes: int(env.PLENARY_MAX_FRAME_BYTES, 1024 * 1024, 'PLENARY_MAX_FRAME_BYTES'),
    compactEvery: int(env.PLENARY_COMPACT_EVERY, 500, 'PLENARY_COMPACT_EVERY'),
    unloadAfterMs: int(env.PLENARY_UNLOAD_AFTER_MS, 30_000, 'PLENARY_UNLOAD_AFTER_MS'),
    tokenDays: int(env.PLENARY_TOKEN_DAYS, 30, 'PLENARY_TOKEN_DAYS'),
    demo: env.PLENARY_DEMO !== '0',
    clientDir: resolve(env.PLENARY_CLIENT_DIR || new URL('../../client/dist', import.meta.url).pathname),
    nodeId: env.PLENARY_NODE_ID || `${hostname()}-${randomBytes(3).toString('hex')}`,
  };
}
