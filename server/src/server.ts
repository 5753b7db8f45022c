import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as Y from 'yjs';
import { actorKey, docName, parseDocName, sessionAttendance, type Role } from '@plenary/shared';
import { loadSecrets } from './auth/secrets';
import { setConnected } from './commands/attendance';
import { InviteTokens } from './auth/InviteTokens';
import { OpenInvites } from './auth/OpenInvites';
import { joinCluster } from './bus/cluster';
import { keepSessionsRecoverable, MAX_DISCONNECTION_MS } from './bus/socketAdapter';
import { Commands } from './commands/Commands';
import type { Config } from './config';
import { createApp } from './http/app';
import { ExportPool } from './export/ExportPool';
import { remoteAddress } from './http/remoteAddress';
import { securityHeaders } from './http/securityHeaders';
import { ConnectionGate, lowLimitWarning } from './limits/ConnectionGate';
import { Metrics } from './metrics';
import { LocalPresenceBook } from './presence/PresenceBook';
import { communiquePolicy } from './sittings/CommuniquePolicy';
import { SilenceKeeper } from './sittings/SilenceKeeper';
import { Sittings } from './sittings/Sittings';
import { attachSocketServer } from './socket/SocketServer';
import type { DocStore } from './store/DocStore';
import { RedisStore } from './store/RedisStore';
import { SqliteStore } from './store/SqliteStore';
import { attachYjsEndpoint } from './yjs/YjsEndpoint';
import { RoomRegistry } from './yjs/RoomRegistry';

/** Connections the kernel may hold for the server to accept (capped by `net.core.somaxconn`). */
const LISTEN_BACKLOG = 4096;

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
  return config.redisUrl ? new RedisStore(config.redisUrl, 'plenary:', config.nodeId) : new SqliteStore(config.dataDir);
}

/** Starts one Plenary node: HTTP, the Yjs endpoint and Socket.IO on one port. */
export async function startServer(config: Config, log: (msg: string) => void = (m) => console.error(m)): Promise<PlenaryServer> {
  const secrets = loadSecrets(config.dataDir, {
    ...(config.secret ? { secret: config.secret } : {}),
    ...(config.adminKey ? { adminKey: config.adminKey } : {}),
  });
  const store = openStore(config);
  // with Redis, any number of nodes may share the store: docs, Socket.IO and presence go through Redis
  const metrics = new Metrics();
  const lostWrites = metrics.counter('plenary_redis_lost_writes_total', 'Docs stored whole again because Redis lost writes this node had acknowledged');
  const onLostWrites = (doc: string) => {
    lostWrites();
    // a sitting created since Redis's last durable write lost its registry record too
    const parsed = parseDocName(doc);
    if (parsed?.kind === 'session') void sittings.restoreRecord(parsed.sid).catch((err: unknown) => log(`${parsed.sid}: registry record not stored again: ${String(err)}`));
  };
  const cluster = store instanceof RedisStore ? joinCluster(store, config.nodeId, log, onLostWrites) : null;
  const exclusive = <T>(sid: string, fn: () => Promise<T>): Promise<T> => (cluster ? cluster.bus.exclusive(docName(sid, 'session'), fn) : fn());
  const tokens = new InviteTokens(secrets.secret);
  const rooms: RoomRegistry = new RoomRegistry(store, {
    compactEvery: config.compactEvery,
    unloadAfterMs: config.unloadAfterMs,
    log,
    policyFor: (name) => communiquePolicy(rooms, name, { bracketCheckMs: config.bracketCheckMs }),
    maxDocBytes: config.maxDocBytes,
    ...(cluster ? { bus: cluster.bus } : {}),
  });
  const silence = new SilenceKeeper(rooms, log);
  const commands = new Commands(
    rooms,
    store,
    log,
    (actor, type) => {
      if (type === 'silence.start') void silence.watch(actor.sid).catch((err: unknown) => log(`silence watch failed: ${String(err)}`));
    },
    exclusive,
    { 'invite.revoke': (actor, p) => revoke(actor.sid, p.role, p.delegation) },
  );
  /** Revokes an invite, mints its new link and closes the connections of the old one, on every node (R9). */
  const revoke = async (sid: string, role: Role, delegation?: string) => {
    const revoked = await sittings.revoke(sid, role, delegation);
    const closed = invites.closeRevoked(sid, revoked.invite, revoked.generation);
    if (cluster) io.serverSideEmit('invite-revoked', { sid, invite: revoked.invite, generation: revoked.generation });
    log(`${sid}: the invite ${revoked.invite} was revoked (now generation ${revoked.generation}); closed ${closed} connections on this node`);
    return revoked;
  };
  const presence = cluster?.presence ?? new LocalPresenceBook();
  let publicUrl = config.publicUrl ?? '';
  const sittings = new Sittings(store, rooms, tokens, { publicUrl: () => publicUrl, tokenDays: config.tokenDays });

  const exports = new ExportPool({ workers: config.exports.workers, queuePerSitting: config.exports.queuePerSitting, timeoutMs: config.exports.timeoutMs, log });
  const app = createApp({
    store,
    rooms,
    tokens,
    sittings,
    metrics,
    adminKey: secrets.adminKey,
    nodeId: config.nodeId,
    clientDir: config.clientDir,
    exports,
    maxExportChars: config.exports.maxChars,
    revokeInvite: revoke,
  });
  // a connection that sends no request is closed after the headers timeout, checked every second (K14)
  const http = createServer({ headersTimeout: config.headersTimeoutMs, connectionsCheckingInterval: 1000 }, app);
  const gate = new ConnectionGate(
    // behind a proxy every connection comes from its address: only the total is capped
    { total: config.maxConnections, perAddress: config.trustProxy > 0 ? 0 : config.maxConnectionsPerAddress },
    log,
  );
  http.on('connection', gate.accept);
  const warning = lowLimitWarning(gate.caps);
  if (warning) log(`warning: ${warning}`);
  const addressOf = (req: IncomingMessage) => remoteAddress(req, config.trustProxy);
  const invites = new OpenInvites();
  const wss = attachYjsEndpoint(http, {
    tokens,
    invites,
    addressOf,
    upgradesPerAddress: config.preAuthPerAddress,
    store,
    rooms,
    maxFrameBytes: config.maxFrameBytes,
    maxSendBufferBytes: config.maxSendBufferBytes,
    rates: { updates: config.rates.updates, awareness: config.rates.awareness },
    pingMs: config.yjsPingMs,
    log,
  });
  const attendance = (sid: string, run: (doc: Y.Doc) => void) =>
    rooms
      .with(docName(sid, 'session'), (room) => room.change({ actor: 'server', run }))
      .catch((err: unknown) => log(`${sid}: attendance not recorded: ${String(err)}`));
  // a delegation is connected while it has a connection on any node; counted under the sitting's
  // lock, so that of two nodes seeing its last tab close and a new one open, the later count wins
  const followConnections = (sid: string, delegation: string) =>
    exclusive(sid, async () => {
      const connected = (await presence.count(sid, actorKey({ role: 'delegate', delegation }))) > 0;
      await attendance(sid, (doc) => setConnected(doc, delegation, connected, Date.now()));
    }).catch((err: unknown) => log(`${sid}: attendance not recorded: ${String(err)}`));
  const io = attachSocketServer(http, {
    tokens,
    invites,
    store,
    commands,
    presence,
    maxFrameBytes: config.maxFrameBytes,
    commandRate: config.rates.commands,
    maxSendBufferBytes: config.maxSendBufferBytes,
    preAuth: { ...config.preAuth, perAddress: config.preAuthPerAddress },
    addressOf,
    pingMs: config.pingMs,
    onDelegationPresence: (sid, delegation) => void followConnections(sid, delegation),
    log,
    ...(cluster ? { cluster: { adapter: cluster.socketAdapter, maxDisconnectionMs: MAX_DISCONNECTION_MS, presenceSettleMs: 1000 } } : {}),
  });
  // Socket.IO's HTTP answers (long-polling) carry the same headers as the app's
  io.engine.use(securityHeaders());
  const stopRecoverySessions = cluster ? keepSessionsRecoverable(io) : () => {};
  metrics.gauge('plenary_docs_loaded', 'Docs held in memory', () => rooms.size);
  metrics.gauge('plenary_tcp_connections', 'Open TCP connections', () => gate.connections);
  metrics.gauge('plenary_tcp_connections_refused', 'TCP connections refused over the caps since start', () => gate.refused);
  metrics.gauge('plenary_yjs_connections', 'Open Yjs connections', () => wss.clients.size);
  metrics.gauge('plenary_socketio_connections', 'Open Socket.IO connections', () => io.engine.clientsCount);

  await cluster?.start();
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    // a sitting's members join at once: with Node's default of 511 pending connections, the rest of
    // a join storm is dropped by the kernel and retried by the clients a second later (R7)
    http.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  publicUrl ||= url;
  // silences whose deadline passed while the server was down end now; the others are timed again
  // and nobody is connected to a node that has just started: close what a crash left open
  // (several nodes: what the others still have open stays open)
  const watchSilences = async () => {
    for (const s of await store.listSittings()) void silence.watch(s.sid).catch((err: unknown) => log(`silence watch failed: ${String(err)}`));
  };
  for (const s of await store.listSittings()) {
    void silence.watch(s.sid).catch((err: unknown) => log(`silence watch failed: ${String(err)}`));
    if (cluster) {
      void rooms
        .with(docName(s.sid, 'session'), (room) => [...sessionAttendance(room.doc).entries()].filter(([, r]) => r.connected).map(([d]) => d))
        .then((open) => open.forEach((d) => void followConnections(s.sid, d)), (err: unknown) => log(`${s.sid}: attendance not checked: ${String(err)}`));
      continue;
    }
    void attendance(s.sid, (doc) => {
      for (const [delegation, r] of sessionAttendance(doc).entries()) if (r.connected) setConnected(doc, delegation, false, Date.now());
    });
  }
  // a silence started on a node that died meanwhile still ends at its deadline
  const silenceSweep = cluster ? setInterval(() => void watchSilences().catch(() => {}), 30_000) : null;
  silenceSweep?.unref();

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
        if (silenceSweep) clearInterval(silenceSweep);
        stopRecoverySessions();
        silence.close();
        await rooms.closeAll(1001, 'the server is shutting down');
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        // io.close() also closes the HTTP server, which waits for every open connection
        const closed = new Promise<void>((resolve) => io.close(() => resolve()));
        http.closeAllConnections();
        await closed;
        await exports.close();
        await cluster?.close();
        await store.close();
      })()),
  };
}
