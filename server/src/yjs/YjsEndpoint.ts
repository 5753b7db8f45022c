import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { can, parseDocName, PlenaryError, type DocKind } from '@plenary/shared';
import { admit, type Admitted } from '../auth/authenticate';
import type { OpenInvites } from '../auth/OpenInvites';
import type { InviteTokens } from '../auth/InviteTokens';
import { AddressShares } from '../limits/AddressShares';
import { RefusalLog } from '../limits/RefusalLog';
import { describeRate, TokenBucket, type Rate } from '../limits/TokenBucket';
import type { DocStore } from '../store/DocStore';
import { decodeFrame, FrameError } from './frames';
import { decodablePath, MALFORMED_PATH, requestUrl } from '../http/paths';
import { Admission } from './admission';
import { resetWebSocket, sendBinary } from './fanout';
import type { Room, RoomConnection } from './Room';
import type { RoomRegistry } from './RoomRegistry';

export interface YjsEndpointDeps {
  tokens: InviteTokens;
  store: DocStore;
  rooms: RoomRegistry;
  /** open connections by invite: closed when their token expires or their invite is revoked */
  invites?: OpenInvites;
  maxFrameBytes: number;
  /** bytes waiting to be sent to a connection beyond which it is dropped, not buffered (0: no limit) */
  maxSendBufferBytes?: number;
  /** upgrades being authenticated or waiting their turn, at most; more are refused with 503 */
  maxPendingUpgrades?: number;
  /** of those, at most this many from one remote address (K13); 0 = no cap */
  upgradesPerAddress?: number;
  /** the remote address an upgrade is counted under; the socket's own by default */
  addressOf?: (req: IncomingMessage) => string;
  /** per connection: sync messages (updates, sync steps) and awareness messages (incl. queries) */
  rates?: { updates: Rate; awareness: Rate };
  /** ping interval; a connection that has not answered the previous ping is dropped */
  pingMs?: number;
  log?: (msg: string) => void;
}

/** Close code for a connection over its rate (4500–4599: a stock client reconnects, and resends what was not applied). */
export const RATE_LIMITED_CLOSE = 4529;
/** Close code for a connection whose invite expired or was revoked (4400–4499: not retried; R8, R9). */
export const INVITE_ENDED_CLOSE = 4401;
/** frames buffered while a doc loads, at most */
const MAX_EARLY_FRAMES = 256;
/** upgrades authenticated at once; the others wait their turn (see Admission) */
const UPGRADE_CONCURRENCY = 64;
const NO_LIMIT: Rate = { perSecond: 0, burst: 0 };

function refuseUpgrade(socket: Duplex, status: number, text: string, message: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ error: { code: status === 401 ? 'UNAUTHORIZED' : 'INVALID', message } });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function destroySocket(this: Duplex): void {
  this.destroy();
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
  const maxSend = deps.maxSendBufferBytes ?? 0;
  const admission = new Admission(Math.min(UPGRADE_CONCURRENCY, maxPending), Math.max(0, maxPending - UPGRADE_CONCURRENCY));
  const shares = new AddressShares(deps.upgradesPerAddress ?? 0);
  const refusals = new RefusalLog(`Yjs upgrades over their address's share of ${shares.perAddress} waiting`, deps.log ?? (() => {}));
  const addressOf = deps.addressOf ?? ((req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown');

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = requestUrl(req.url);
    if (url?.pathname.startsWith('/socket.io/')) return; // Socket.IO's own upgrade handler takes it
    // a function of its own: a closure here would keep the request, its URL and headers for the connection's life
    socket.on('error', destroySocket);
    if (!url) return refuseUpgrade(socket, 400, 'Bad Request', 'The request target is not a URL');
    if (!url.pathname.startsWith('/yjs/')) return refuseUpgrade(socket, 404, 'Not Found', 'No WebSocket endpoint here');
    const path = url.pathname.slice('/yjs/'.length);
    if (!decodablePath(path)) return refuseUpgrade(socket, 400, 'Bad Request', MALFORMED_PATH);
    const doc = parseDocName(decodeURIComponent(path));
    if (!doc) return refuseUpgrade(socket, 404, 'Not Found', 'A doc is /yjs/<sitting id>/communique or /yjs/<sitting id>/session');
    const address = addressOf(req);
    // an address past its share (a venue behind one NAT joining at once) is let in while half the queue is free
    const release = shares.take(address) ?? (admission.pending < maxPending / 2 ? shares.add(address) : null);
    if (!release) {
      refusals.refused(address);
      return refuseUpgrade(socket, 503, 'Service Unavailable', 'Too many connections from your address are being opened; retry');
    }
    const admitted = admission.admit(async () => {
      if (socket.destroyed) return; // gave up while waiting its turn
      try {
        const admitted = await admit(deps.tokens, deps.store, url.searchParams.get('token'), doc.sid);
        if (socket.destroyed) return;
        wss.handleUpgrade(req, socket, head, (ws) => serve(ws, admitted, doc.sid, doc.kind));
      } catch (err) {
        const message = err instanceof PlenaryError ? err.message : 'The invite token could not be checked';
        refuseUpgrade(socket, 401, 'Unauthorized', message);
      }
    });
    if (admitted) void admitted.finally(release).catch(() => {});
    else {
      release();
      refuseUpgrade(socket, 503, 'Service Unavailable', 'Too many connections are being opened; retry');
    }
  });

  function serve(ws: WebSocket, admitted: Admitted, sid: string, kind: DocKind): void {
    const { actor } = admitted;
    const name = `${sid}/${kind}`;
    const conn: RoomConnection = {
      id: randomUUID(),
      actor,
      canWrite: kind === 'communique' && can(actor.role, 'draft'),
      identity: { name: actor.name, color: actor.color, role: actor.role, ...(actor.delegation ? { delegation: actor.delegation } : {}) },
      send: (data) => {
        // a peer that does not read would make the server hold all that is sent to it
        if (maxSend > 0 && ws.bufferedAmount > maxSend) return dropSlowReader();
        sendBinary(ws, data);
      },
      close: (code, reason) => ws.close(code, closeReason(reason)),
    };
    let room: Room | null = null;
    let early: Uint8Array[] | null = [];
    let earlyBytes = 0;
    let alive = true;
    let closing = false;
    const updates = new TokenBucket(deps.rates?.updates ?? NO_LIMIT);
    const awareness = new TokenBucket(deps.rates?.awareness ?? NO_LIMIT);
    const refuse = (code: number, reason: string) => {
      closing = true;
      conn.close(code, reason);
    };
    const dropSlowReader = () => {
      if (closing && ws.readyState !== WebSocket.OPEN) return;
      closing = true;
      deps.log?.(`${name}: a connection of ${actor.role} ${actor.name} did not read ${ws.bufferedAmount} bytes sent to it; dropped`);
      // the client sees 1006 and reconnects
      resetWebSocket(ws);
    };

    const handle = (data: Uint8Array) => {
      if (!room) return;
      try {
        room.receive(conn, decodeFrame(data));
      } catch (err) {
        if (err instanceof FrameError) refuse(1007, `unparsable frame: ${err.message}`);
        else {
          deps.log?.(`${name}: frame handling failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
          refuse(1011, 'internal error');
        }
      }
    };

    ws.on('message', (raw: RawData, isBinary: boolean) => {
      if (closing) return; // frames that were on their way when the connection was refused
      if (!isBinary) return refuse(1003, 'text frames are not part of the y-websocket protocol');
      const buf = Array.isArray(raw) ? Buffer.concat(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
      const data = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      // counted before anything is decoded: message type 1 is awareness, 3 a query for it, 0 sync
      const isAwareness = data[0] === 1 || data[0] === 3;
      if (!(isAwareness ? awareness : updates).take()) {
        const rate = isAwareness ? deps.rates!.awareness : deps.rates!.updates;
        return refuse(RATE_LIMITED_CLOSE, `rate limit: more than ${describeRate(rate)} ${isAwareness ? 'awareness' : 'sync'} messages; reconnect`);
      }
      if (early) {
        earlyBytes += data.byteLength;
        if (earlyBytes > 4 * deps.maxFrameBytes || early.length >= MAX_EARLY_FRAMES) return refuse(1008, 'too much data before the doc was loaded');
        early.push(data);
      } else handle(data);
    });
    ws.on('pong', () => (alive = true));
    const ping = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, deps.pingMs ?? 30_000);
    const untrack = deps.invites?.track(admitted, (refusal) => refuse(INVITE_ENDED_CLOSE, refusal.message));
    ws.on('close', () => {
      untrack?.();
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
