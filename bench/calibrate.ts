/**
 * The machine's floor for fan-out: what one small WebSocket message to one connection costs the
 * sending process here, with nothing but `ws` (8, no compression) — `ws.send`, and a frame built
 * once and written to each raw socket. On loopback the sender also pays the kernel's delivery into
 * the receiving socket. No server can fan out one update to N connections for less than N times
 * this (short of merging updates), so it is the yardstick for "CPU per update per observer".
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { RawWebSocket } from './rawSocket';
import { sleep } from './generator';
import { percentile } from './stats';

export interface Floor {
  connections: number;
  bytes: number;
  /** median CPU µs of this process per ws.send() to one connection */
  wsSendUs: number;
  /** median CPU µs per socket.write() of a prebuilt frame */
  rawWriteUs: number;
}

export async function socketWriteFloor(connections = 2000, rounds = 9, bytes = 180): Promise<Floor> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const port = (http.address() as AddressInfo).port;
  const clients: RawWebSocket[] = [];
  try {
    for (let i = 0; i < connections; i += 100) {
      const batch = Array.from({ length: Math.min(100, connections - i) }, () => new RawWebSocket(`ws://127.0.0.1:${port}/`));
      clients.push(...batch);
      await Promise.all(batch.map((c) => new Promise((resolve, reject) => c.once('open', resolve).once('error', reject))));
    }
    const msg = Buffer.alloc(bytes, 0x61);
    const frame = Buffer.concat([Buffer.from([0x82, 126, bytes >> 8, bytes & 0xff]), msg]);
    const sockets = [...wss.clients] as (WebSocket & { _socket: import('node:net').Socket })[];
    const measure = (send: () => void) => {
      const c0 = process.cpuUsage();
      send();
      const c = process.cpuUsage(c0);
      return (c.user + c.system) / sockets.length;
    };
    const ws: number[] = [];
    const raw: number[] = [];
    // one unmeasured round of each, so that the JIT has seen both paths
    sockets.forEach((s) => s.send(msg));
    sockets.forEach((s) => s._socket.write(frame));
    await sleep(200);
    for (let r = 0; r < rounds; r++) {
      ws.push(measure(() => sockets.forEach((s) => s.send(msg))));
      await sleep(150);
      raw.push(measure(() => sockets.forEach((s) => s._socket.write(frame))));
      await sleep(150);
    }
    return { connections: sockets.length, bytes, wsSendUs: percentile(ws, 50), rawWriteUs: percentile(raw, 50) };
  } finally {
    for (const c of clients) c.terminate();
    for (const s of wss.clients) s.terminate();
    wss.close();
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  }
}
