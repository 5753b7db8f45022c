import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { addressKey } from '../http/remoteAddress';
import { AddressShares } from './AddressShares';
import { RefusalLog } from './RefusalLog';

/** File descriptors kept aside for the store (SQLite and its WAL, Redis), logs, workers and the listening socket. */
export const FD_RESERVE = 128;
/** Below this many connections the server warns at start: a sitting's join could hit it. */
const LOW_CAP = 2048;

/** The process's soft limit on open files (`ulimit -n`), from /proc/self/limits; null where it cannot be read. */
export function openFilesLimit(limits = '/proc/self/limits'): number | null {
  try {
    const line = readFileSync(limits, 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
    const soft = line?.slice('Max open files'.length).trim().split(/\s+/)[0];
    if (soft === 'unlimited') return Number.MAX_SAFE_INTEGER;
    return soft && /^\d+$/.test(soft) ? Number(soft) : null;
  } catch {
    return null;
  }
}

/** The default cap on open TCP connections: what `ulimit -n` leaves after the reserve (1024 assumed when unknown). */
export function defaultMaxConnections(limit = openFilesLimit()): number {
  return Math.max(64, Math.min(limit ?? 1024, 1_000_000) - FD_RESERVE);
}

export interface ConnectionCaps {
  /** open TCP connections, at most */
  total: number;
  /** of those, from one remote address (0 = no cap; off behind a proxy, where all share its address) */
  perAddress: number;
}

const REFUSAL = (why: string) => {
  const body = JSON.stringify({ error: { code: 'UNAVAILABLE', message: `The server is not taking more connections${why}; retry in a moment` } });
  return `HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nRetry-After: 5\r\nConnection: close\r\n\r\n${body}`;
};

/**
 * Counts the open TCP connections, in all and by address, and refuses one over a cap at once with
 * a 503 that says why — before file descriptors run out, and so that one address cannot take them
 * all (K14). The refused socket is destroyed a second later at the latest: closing it at once could
 * reset the connection before the client has read why.
 */
export class ConnectionGate {
  private open = 0;
  private readonly shares: AddressShares;
  private readonly refusals: RefusalLog;
  /** connections refused since start */
  refused = 0;

  constructor(
    readonly caps: ConnectionCaps,
    log: (msg: string) => void,
  ) {
    this.shares = new AddressShares(caps.perAddress);
    this.refusals = new RefusalLog(`connections over the caps (${caps.total} in all, ${caps.perAddress || 'no cap'} per address)`, log);
  }

  get connections(): number {
    return this.open;
  }

  /** For `http.on('connection')`. */
  readonly accept = (socket: Socket): void => {
    const address = addressKey(socket.remoteAddress ?? 'unknown');
    const release = this.open < this.caps.total ? this.shares.take(address) : null;
    if (!release) {
      this.refused++;
      this.refusals.refused(address);
      socket.on('error', () => socket.destroy());
      socket.end(REFUSAL(this.open >= this.caps.total ? '' : ' from your address'));
      // a client that never reads its answer is not waited for
      setTimeout(() => socket.destroy(), 1000).unref();
      return;
    }
    this.open++;
    socket.once('close', () => {
      this.open--;
      release();
    });
  };
}

/** The warning to print at start when the caps are low for a sitting, or null. */
export function lowLimitWarning(caps: ConnectionCaps, limit = openFilesLimit()): string | null {
  if (caps.total >= LOW_CAP) return null;
  return (
    `at most ${caps.total} connections (file descriptors: ulimit -n is ${limit ?? 'unknown'}); ` +
    `each participant holds 3. Raise it (ulimit -n 65536; docker: ulimits nofile) or set PLENARY_MAX_CONNECTIONS`
  );
}
