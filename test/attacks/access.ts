import { Socket, connect } from 'node:net';
import { io, type Socket as IoSocket } from 'socket.io-client';

/**
 * Attacks on admission, tokens and URLs: builders of the raw requests and connections an outsider
 * opens. Each returns what to send (or opens it) so that a test or the fuzz campaign can replay it.
 */

/** Paths whose percent-escapes `decodeURIComponent` cannot read. */
export const MALFORMED_PERCENT_PATHS = [
  '/api/sessions/%E0%A4%A',
  '/api/sessions/%zz/communique.md',
  '/assets/%',
  '/s/%C0%80',
  '/%ff.js',
] as const;

/** The Yjs upgrade paths with a malformed escape in the doc name. */
export const MALFORMED_PERCENT_UPGRADES = ['/yjs/%E0%A4%A/communique', '/yjs/test-sitting%zz/session', '/yjs/%'] as const;

/** Request targets that are no URL at all (absolute-form with a broken host). */
export const UNREADABLE_TARGETS = ['http://[/yjs/test-sitting/communique', 'http://[/socket.io/?EIO=4&transport=websocket'] as const;

/** A raw HTTP/1.1 request line and headers, as an attacker's socket writes them. */
export function rawRequest(path: string, headers: Record<string, string> = {}): string {
  const lines = [`GET ${path} HTTP/1.1`, 'Host: localhost', 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return lines.join('\r\n') + '\r\n\r\n';
}

/** A raw WebSocket upgrade request (no token unless the path carries one). */
export function rawUpgrade(path: string): string {
  return rawRequest(path, {
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': Buffer.from('0123456789abcdef').toString('base64'),
  });
}

/** Sends a raw request and resolves to the status code of the answer (0 when closed without one). */
export function sendRaw(port: number, request: string, localAddress?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1', ...(localAddress ? { localAddress } : {}) });
    let data = '';
    s.setEncoding('utf8');
    s.on('data', (d: string) => (data += d));
    s.on('error', reject);
    s.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, body: data.slice(data.indexOf('\r\n\r\n') + 4) });
    });
    s.write(request);
  });
}

/**
 * A Socket.IO client that never authenticates: it opens the engine connection (the handshake that
 * counts before authentication) from `localAddress` and sends no token.
 */
export function tokenlessSocket(url: string, localAddress: string): IoSocket {
  return io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 20_000,
    auth: {},
    // the attacker's own source address: Linux routes all of 127.0.0.0/8 to loopback
    transportOptions: { websocket: { localAddress } },
  } as Parameters<typeof io>[1]);
}

/** Opens `count` tokenless Socket.IO connections from `localAddress`, `batch` at a time. */
export async function tokenlessFlood(url: string, localAddress: string, count: number, batch = 200): Promise<IoSocket[]> {
  const sockets: IoSocket[] = [];
  for (let i = 0; i < count; i += batch) {
    const wave = Array.from({ length: Math.min(batch, count - i) }, () => tokenlessSocket(url, localAddress));
    sockets.push(...wave);
    // each is answered (refused, or open and waiting to authenticate) before the next wave
    await Promise.all(wave.map((s) => new Promise<void>((resolve) => {
      const done = () => resolve();
      s.io.engine?.once('open', done);
      s.once('connect_error', done);
      s.io.once('error', done);
      setTimeout(done, 5000);
    })));
  }
  return sockets;
}

/** A raw WebSocket upgrade to the Yjs endpoint without a token, left waiting. */
export function tokenlessUpgrade(port: number, localAddress: string, sid = 'test-sitting'): Socket {
  const s = connect({ port, host: '127.0.0.1', localAddress });
  s.on('error', () => {});
  s.write(rawUpgrade(`/yjs/${sid}/communique`));
  return s;
}

/** Idle TCP connections that never send a byte: the file-descriptor exhaustion attack. */
export async function idleConnections(port: number, count: number, localAddress?: string): Promise<Socket[]> {
  return Promise.all(
    Array.from({ length: count }, () => new Promise<Socket>((resolve) => {
      const s = connect({ port, host: '127.0.0.1', ...(localAddress ? { localAddress } : {}) });
      s.on('error', () => {});
      s.once('connect', () => resolve(s));
      s.once('close', () => resolve(s));
    })),
  );
}
