import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { can, parseDocName, PlenaryError, type DocKind } from '@plenary/shared';
import { authenticate, type AuthenticatedActor } from '../auth/authenticate';
import type { InviteTokens } from '../auth/InviteTokens';
import type { DocStore } from '../store/DocStore';
import { decodeFrame, FrameError } from './frames';
import type { Room, RoomConnection } from './Room';
import type { RoomRegistry } from './RoomRegistry';

export interface YjsEndpointDeps {
  tokens: InviteTokens;
  store: DocStore;
  rooms: RoomRegistry;
  maxFrameBytes: number;
  /** upgrades being authenticated at once; more are refused with 503 */
  maxPendingUpgrades?: number;
  log?: (msg: string) => void;
}

const PING_MS = 30_000;

function refuseUpgrade(socket: Duplex, status: number, text: string, message: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ error: { code: status === 401 ? 'UNAUTHORIZED' : 'INVALID', message } });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function closeReason(text: string): string {
  // a close reason is at most 123 bytes
  return Buffer.byteLength(text) <= 123 ? text : Buffer.from(text).subarray(0, 120).toString() + '…';
}

/**
 * `ws /yjs/<sid>/<doc>?token=…`: the y-websocket protocol. The token is checked before the
 * upgrade completes; no doc is loaded and no frame is read for a stranger.
 */
export function attachYjsEndpoint(http: HttpServer, deps: YjsEndpointDeps): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxFrameBytes, perMessageDeflate: false });
  const maxPending = deps.maxPendingUpgrades ?? 256;
  let pending = 0;

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/socket.io/')) return; // Socket.IO's own upgrade handler takes it
    socket.on('error', () => socket.destroy());
    if (!url.pathname.startsWith('/yjs/')) return refuseUpgrade(socket, 404, 'Not Found', 'No WebSocket endpoint here');
    const doc = parseDocName(decodeURIComponent(url.pathname.slice('/yjs/'.length)));
    if (!doc) return refuseUpgrade(socket, 404, 'Not Found', 'A doc is /yjs/<sitting id>/communique or /yjs/<sitting id>/session');
    if (pending >= maxPending) return refuseUpgrade(socket, 503, 'Service Unavailable', 'Too many connections are being opened; retry');
    pending++;
    authenticate(deps.tokens, deps.store, url.searchParams.get('token'), doc.sid)
      .then((actor) => {
        if (socket.destroyed) return;
        wss.handleUpgrade(req, socket, head, (ws) => serve(ws, actor, doc.sid, doc.kind));
      })
      .catch((err: unknown) => {
        const message = err instanceof PlenaryError ? err.message : 'The invite token could not be checked';
        refuseUpgrade(socket, 401, 'Unauthorized', message);
      })
      .finally(() => pending--);
  });

  function serve(ws: WebSocket, actor: AuthenticatedActor, sid: string, kind: DocKind): void {
    const name = `${sid}/${kind}`;
    const conn: RoomConnection = {
      id: randomUUID(),
      actor,
      canWrite: kind === 'communique' && can(actor.role, 'draft'),
      identity: { name: actor.name, color: actor.color, role: actor.role, ...(actor.delegation ? { delegation: actor.delegation } : {}) },
      send: (data) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(data, { binary: true });
      },
      close: (code, reason) => ws.close(code, closeReason(reason)),
    };
    let room: Room | null = null;
    let early: Uint8Array[] | null = [];
    let earlyBytes = 0;
    let alive = true;

    const handle = (data: Uint8Array) => {
      if (!room) return;
      try {
        room.receive(conn, decodeFrame(data));
      } catch (err) {
        if (err instanceof FrameError) conn.close(1007, `unparsable frame: ${err.message}`);
        else {
          deps.log?.(`${name}: frame handling failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
          conn.close(1011, 'internal error');
        }
      }
    };

    ws.on('message', (raw: RawData, isBinary: boolean) => {
      if (!isBinary) return conn.close(1003, 'text frames are not part of the y-websocket protocol');
      const buf = Array.isArray(raw) ? Buffer.concat(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
      const data = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      if (early) {
        earlyBytes += data.byteLength;
        if (earlyBytes > 4 * deps.maxFrameBytes) return conn.close(1008, 'too much data before the doc was loaded');
        early.push(data);
      } else handle(data);
    });
    ws.on('pong', () => (alive = true));
    const ping = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, PING_MS);
    ws.on('close', () => {
      clearInterval(ping);
      room?.leave(conn);
    });
    ws.on('error', (err) => deps.log?.(`${name}: socket error: ${err.message}`));

    deps.rooms.open(name).then(
      (r) => {
        if (ws.readyState !== WebSocket.OPEN) {
          r.hold()(); // lets an unused room unload
          return;
        }
        room = r;
        r.join(conn);
        const queued = early ?? [];
        early = null;
        for (const data of queued) handle(data);
      },
      (err: unknown) => {
        deps.log?.(`${name}: load failed: ${err instanceof Error ? err.message : String(err)}`);
        conn.close(1011, 'the document could not be loaded; it is not served until it can be');
      },
    );
  }

  return wss;
}
