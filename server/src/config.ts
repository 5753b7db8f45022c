import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { defaultMaxConnections } from './limits/ConnectionGate';
import { parseRate, type Rate } from './limits/TokenBucket';

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
  /** largest stored state of a doc, in bytes; a client update that would pass it is refused */
  maxDocBytes: number;
  /** bytes waiting to be sent to one connection beyond which it is dropped as a slow reader (0: no limit) */
  maxSendBufferBytes: number;
  /** exports are rendered in worker threads: how many, what waits per sitting, the largest text, the longest render */
  exports: { workers: number; queuePerSitting: number; maxChars: number; timeoutMs: number };
  /** per connection: Yjs updates, awareness updates, Socket.IO events */
  rates: { updates: Rate; awareness: Rate; commands: Rate };
  /** milliseconds of bracket-holder checks (L9) one actor may cost a communiqué, as a rate (K11) */
  bracketCheckMs: Rate;
  /** what a Socket.IO connection may send before it is authenticated */
  preAuth: { messages: number; bytes: number; timeoutMs: number };
  /** of the connections waiting to authenticate (Socket.IO, Yjs upgrades), one remote address holds at most this many; 0 = no cap */
  preAuthPerAddress: number;
  /** proxies in front whose X-Forwarded-For is believed; 0 = the socket's own address */
  trustProxy: number;
  /** open TCP connections at most, and from one address (0 = no cap); sized from `ulimit -n` by default */
  maxConnections: number;
  maxConnectionsPerAddress: number;
  /** a connection that has not sent a request's headers within this time is closed */
  headersTimeoutMs: number;
  /** Socket.IO ping interval, and how long a pong may take; a silent connection is dropped */
  pingMs: number;
  /** Yjs WebSocket ping interval; a connection that has not answered the previous ping is dropped */
  yjsPingMs: number;
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

/** `PLENARY_TRUST_PROXY`: how many proxies stand in front (`true` = one). */
function trustedProxies(value: string | undefined): number {
  if (value === 'true') return 1;
  if (value === 'false') return 0;
  return int(value, 0, 'PLENARY_TRUST_PROXY');
}

/** By default what `ulimit -n` allows, and half of it per address (so that one address never takes all). */
function connectionCaps(env: NodeJS.ProcessEnv): { maxConnections: number; maxConnectionsPerAddress: number } {
  const maxConnections = int(env.PLENARY_MAX_CONNECTIONS, defaultMaxConnections(), 'PLENARY_MAX_CONNECTIONS');
  return { maxConnections, maxConnectionsPerAddress: int(env.PLENARY_MAX_CONNECTIONS_PER_ADDRESS, Math.ceil(maxConnections / 2), 'PLENARY_MAX_CONNECTIONS_PER_ADDRESS') };
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
    maxDocBytes: int(env.PLENARY_MAX_DOC_BYTES, 8 * 1024 * 1024, 'PLENARY_MAX_DOC_BYTES'),
    // a whole doc at its cap, and what follows it while it drains, fit
    maxSendBufferBytes: int(env.PLENARY_MAX_SEND_BUFFER_BYTES, 16 * 1024 * 1024, 'PLENARY_MAX_SEND_BUFFER_BYTES'),
    exports: {
      workers: Math.max(1, int(env.PLENARY_EXPORT_WORKERS, 1, 'PLENARY_EXPORT_WORKERS')),
      queuePerSitting: int(env.PLENARY_EXPORT_QUEUE, 16, 'PLENARY_EXPORT_QUEUE'),
      maxChars: int(env.PLENARY_MAX_EXPORT_CHARS, 1_000_000, 'PLENARY_MAX_EXPORT_CHARS'),
      timeoutMs: int(env.PLENARY_EXPORT_TIMEOUT_MS, 60_000, 'PLENARY_EXPORT_TIMEOUT_MS'),
    },
    rates: {
      updates: parseRate(env.PLENARY_RATE_UPDATES, { perSecond: 50, burst: 500 }, 'PLENARY_RATE_UPDATES'),
      awareness: parseRate(env.PLENARY_RATE_AWARENESS, { perSecond: 50, burst: 500 }, 'PLENARY_RATE_AWARENESS'),
      commands: parseRate(env.PLENARY_RATE_COMMANDS, { perSecond: 20, burst: 100 }, 'PLENARY_RATE_COMMANDS'),
    },
    bracketCheckMs: parseRate(env.PLENARY_BRACKET_CHECK_MS, { perSecond: 40, burst: 400 }, 'PLENARY_BRACKET_CHECK_MS'),
    preAuth: {
      messages: int(env.PLENARY_PREAUTH_MESSAGES, 4, 'PLENARY_PREAUTH_MESSAGES'),
      bytes: int(env.PLENARY_PREAUTH_BYTES, 64 * 1024, 'PLENARY_PREAUTH_BYTES'),
      timeoutMs: int(env.PLENARY_AUTH_TIMEOUT_MS, 10_000, 'PLENARY_AUTH_TIMEOUT_MS'),
    },
    preAuthPerAddress: int(env.PLENARY_PREAUTH_PER_ADDRESS, 32, 'PLENARY_PREAUTH_PER_ADDRESS'),
    trustProxy: trustedProxies(env.PLENARY_TRUST_PROXY),
    ...connectionCaps(env),
    headersTimeoutMs: int(env.PLENARY_HEADERS_TIMEOUT_MS, 10_000, 'PLENARY_HEADERS_TIMEOUT_MS'),
    pingMs: int(env.PLENARY_PING_MS, 5000, 'PLENARY_PING_MS'),
    yjsPingMs: int(env.PLENARY_YJS_PING_MS, 30_000, 'PLENARY_YJS_PING_MS'),
    compactEvery: int(env.PLENARY_COMPACT_EVERY, 500, 'PLENARY_COMPACT_EVERY'),
    unloadAfterMs: int(env.PLENARY_UNLOAD_AFTER_MS, 30_000, 'PLENARY_UNLOAD_AFTER_MS'),
    tokenDays: int(env.PLENARY_TOKEN_DAYS, 30, 'PLENARY_TOKEN_DAYS'),
    demo: env.PLENARY_DEMO !== '0',
    clientDir: resolve(env.PLENARY_CLIENT_DIR || new URL('../../client/dist', import.meta.url).pathname),
    nodeId: env.PLENARY_NODE_ID || `${hostname()}-${randomBytes(3).toString('hex')}`,
  };
}
