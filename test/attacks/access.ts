import { Socket, connect } from 'node:net';
import { WebSocket } from 'ws';

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

/** Sends a raw upgrade and resolves to the status of the answer's first line (the socket is then destroyed). */
export function upgradeAnswer(port: number, path: string, localAddress?: string): Promise<number> {
  return new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1', ...(localAddress ? { localAddress } : {}) });
    let data = '';
    s.setEncoding('utf8');
    s.on('error', () => resolve(0));
    s.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    s.on('data', (d: string) => {
      data += d;
      if (data.includes('\r\n')) s.destroy();
    });
    s.write(rawUpgrade(path));
  });
}

/**
 * An engine.io connection that never authenticates: it opens the transport (what counts as waiting
 * unauthenticated) from `localAddress` and never sends Socket.IO's CONNECT with a token, so the
 * server keeps it until its authentication timeout. Resolves to the socket and whether it was let in.
 */
export function unauthenticatedEngine(
  wsUrl: string,
  localAddress: string,
  headers: Record<string, string> = {},
): Promise<{ ws: WebSocket; admitted: boolean; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${wsUrl}/socket.io/?EIO=4&transport=websocket`, { localAddress, headers });
    ws.once('message', () => resolve({ ws, admitted: true })); // engine.io's open packet
    ws.once('unexpected-response', (_req, res) => {
      resolve({ ws, admitted: false, status: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.once('error', () => resolve({ ws, admitted: false }));
  });
}

/** `count` unauthenticated engine.io connections from `localAddress`, in waves of `wave` opened at once. */
export async function unauthenticatedFlood(
  wsUrl: string,
  localAddress: string,
  count: number,
  wave = count,
): Promise<{ sockets: WebSocket[]; admitted: number; statuses: number[] }> {
  const answers: Awaited<ReturnType<typeof unauthenticatedEngine>>[] = [];
  for (let i = 0; i < count; i += wave) {
    answers.push(...(await Promise.all(Array.from({ length: Math.min(wave, count - i) }, () => unauthenticatedEngine(wsUrl, localAddress)))));
  }
  return {
    sockets: answers.map((a) => a.ws),
    admitted: answers.filter((a) => a.admitted).length,
    statuses: [...new Set(answers.flatMap((a) => (a.status ? [a.status] : [])))],
  };
}

/** A raw WebSocket upgrade to the Yjs endpoint without a token, left waiting. */
export function tokenlessUpgrade(port: number, localAddress: string, sid = 'test-sitting'): Socket {
  const s = connect({ port, host: '127.0.0.1', localAddress });
  s.on('error', () => {});
  s.write(rawUpgrade(`/yjs/${sid}/communique`));
  return s;
}

/** An idle TCP connection that never sends a byte; `answer` resolves, when it closes, to what the server wrote. */
export interface IdleConnection {
  socket: Socket;
  answer: Promise<string>;
}

/** Idle TCP connections that never send a byte: the file-descriptor exhaustion attack. Resolves once each is connected (or closed). */
export async function idleConnections(port: number, count: number, localAddress?: string): Promise<IdleConnection[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<IdleConnection>((resolve) => {
          const socket = connect({ port, host: '127.0.0.1', ...(localAddress ? { localAddress } : {}) });
          let data = '';
          socket.setEncoding('utf8');
          socket.on('data', (d: string) => (data += d));
          socket.on('error', () => {});
          const answer = new Promise<string>((r) => socket.once('close', () => r(data)));
          socket.once('connect', () => resolve({ socket, answer }));
          socket.once('close', () => resolve({ socket, answer }));
        }),
    ),
  );
}

/** `POST /api/sessions/:sid/invites/revoke` with a key (the admin key, or a guess of it). */
export function revokeByAdmin(url: string, sid: string, invite: { role: string; delegation?: string }, key: string): Promise<Response> {
  return fetch(`${url}/api/sessions/${encodeURIComponent(sid)}/invites/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(invite),
  });
}
