import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as Y from 'yjs';
import { docName, sessionAttendance } from '@plenary/shared';
import { loadSecrets } from './auth/secrets';
import { setConnected } from './commands/attendance';
import { InviteTokens } from './auth/InviteTokens';
import { Commands } from './commands/Commands';
import type { Config } from './config';
import { createApp } from './http/app';
import { Metrics } from './metrics';
import { Presence } from './presence/Presence';
import { communiquePolicy } from './sittings/CommuniquePolicy';
import { SilenceKeeper } from './sittings/SilenceKeeper';
import { Sittings } from './sittings/Sittings';
import { attachSocketServer } from './socket/SocketServer';
import type { DocStore } from './store/DocStore';
import { RedisStore } from './store/RedisStore';
import { SqliteStore } from './store/SqliteStore';
import { attachYjsEndpoint } from './yjs/YjsEndpoint';
import { RoomRegistry } from './yjs/RoomRegistry';

export interface PlenaryServer {
  url: string;
  port: number;
  http: HttpServer;
  store: DocStore;
  sittings: Sittings;
  adminKey: string;
  adminKeyGenerated: boolean;
  close(): Promise<void>;
}

export function openStore(config: Config): DocStore {
  return config.redisUrl ? new RedisStore(config.redisUrl) : new SqliteStore(config.dataDir);
}

/** Starts one Plenary node: HTTP, the Yjs endpoint and Socket.IO on one port. */
export async function startServer(config: Config, log: (msg: string) => void = (m) => console.error(m)): Promise<PlenaryServer> {
  const secrets = loadSecrets(config.dataDir, {
    ...(config.secret ? { secret: config.secret } : {}),
    ...(config.adminKey ? { adminKey: config.adminKey } : {}),
  });
  const store = openStore(config);
  const tokens = new InviteTokens(secrets.secret);
  const rooms: RoomRegistry = new RoomRegistry(store, {
    compactEvery: config.compactEvery,
    unloadAfterMs: config.unloadAfterMs,
    log,
    policyFor: (name) => communiquePolicy(rooms, name),
  });
  const silence = new SilenceKeeper(rooms, log);
  const commands = new Commands(rooms, store, log, (actor, type) => {
    if (type === 'silence.start') void silence.watch(actor.sid).catch((err: unknown) => log(`silence watch failed: ${String(err)}`));
  });
  const presence = new Presence();
  const metrics = new Metrics();
  let publicUrl = config.publicUrl ?? '';
  const sittings = new Sittings(store, rooms, tokens, { publicUrl: () => publicUrl, tokenDays: config.tokenDays });

  const app = createApp({ store, rooms, tokens, sittings, metrics, adminKey: secrets.adminKey, nodeId: config.nodeId, clientDir: config.clientDir });
  const http = createServer(app);
  const wss = attachYjsEndpoint(http, { tokens, store, rooms, maxFrameBytes: config.maxFrameBytes, log });
  const attendance = (sid: string, run: (doc: Y.Doc) => void) =>
    rooms
      .with(docName(sid, 'session'), (room) => room.change({ actor: 'server', run }))
      .catch((err: unknown) => log(`${sid}: attendance not recorded: ${String(err)}`));
  const io = attachSocketServer(http, {
    tokens,
    store,
    commands,
    presence,
    maxFrameBytes: config.maxFrameBytes,
    onDelegationPresence: (sid, delegation, connected) =>
      void attendance(sid, (doc) => setConnected(doc, delegation, connected, Date.now())),
  });
  metrics.gauge('plenary_docs_loaded', 'Docs held in memory', () => rooms.size);
  metrics.gauge('plenary_yjs_connections', 'Open Yjs connections', () => wss.clients.size);
  metrics.gauge('plenary_socketio_connections', 'Open Socket.IO connections', () => io.engine.clientsCount);

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  publicUrl ||= url;
  // silences whose deadline passed while the server was down end now; the others are timed again
  // and nobody is connected to a node that has just started: close what a crash left open
  for (const s of await store.listSittings()) {
    void silence.watch(s.sid).catch((err: unknown) => log(`silence watch failed: ${String(err)}`));
    void attendance(s.sid, (doc) => {
      for (const [delegation, r] of sessionAttendance(doc).entries()) if (r.connected) setConnected(doc, delegation, false, Date.now());
    });
  }

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    http,
    store,
    sittings,
    adminKey: secrets.adminKey,
    adminKeyGenerated: secrets.adminKeyGenerated,
    close: () =>
      (closing ??= (async () => {
        silence.close();
        await rooms.closeAll(1001, 'the server is shutting down');
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        // io.close() also closes the HTTP server, which waits for every open connection
        const closed = new Promise<void>((resolve) => io.close(() => resolve()));
        http.closeAllConnections();
        await closed;
        await store.close();
      })()),
  };
}
