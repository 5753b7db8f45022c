import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, CreateSessionBody, CreateSessionResponse, PresenceEntry, ServerToClientEvents } from '@plenary/shared';
import { configFromEnv, type Config } from '../../server/src/config';
import { startServer, type PlenaryServer } from '../../server/src/server';
import { waitFor } from './wait';

export const SMALL_SITTING: CreateSessionBody = {
  sessionId: 'test-sitting',
  title: 'Test sitting',
  venue: 'Kabul',
  date: '2017-06-06',
  host: 'af',
  delegations: [
    { id: 'af', name: 'Afghanistan' },
    { id: 'pk', name: 'Pakistan' },
    { id: 'cn', name: 'China' },
  ],
  agenda: [{ title: 'Opening', durationMin: 10 }],
  communique: { title: 'Communiqué', preambular: ['Recognizing that a stable Afghanistan is needed,'], operative: ['Decides to meet again;'] },
};

/** The operative paragraphs of DRAFTING_SITTING. */
export const DRAFTING_OP = ['Decides to meet again in Kabul;', 'Calls upon all states to cooperate against terrorism;'] as const;

/** The small sitting as the browser drafting tests use it: delegations with short names, a PP and two OPs. */
export const DRAFTING_SITTING: CreateSessionBody = {
  ...SMALL_SITTING,
  delegations: [
    { id: 'af', name: 'Afghanistan', short: 'AF' },
    { id: 'pk', name: 'Pakistan', short: 'PK' },
    { id: 'cn', name: 'China', short: 'CN' },
  ],
  communique: {
    title: 'Communiqué',
    preambular: ['Recognizing that a stable Afghanistan is needed to enable a stable region,'],
    operative: [...DRAFTING_OP],
  },
};

/** The small sitting with three agenda items (commands act on the second). */
export const AGENDA_SITTING: CreateSessionBody = {
  ...SMALL_SITTING,
  agenda: [
    { title: 'Opening', durationMin: 10 },
    { title: 'Security cooperation', durationMin: 60 },
    { title: 'Closing', durationMin: 5 },
  ],
};

export interface TestServer {
  server: PlenaryServer;
  config: Config;
  url: string;
  wsUrl: string;
  adminKey: string;
  /** stops this server and starts another on the same data dir (and Redis) */
  restart(): Promise<TestServer>;
  close(): Promise<void>;
}

export async function startTestServer(overrides: Partial<Config> = {}, log?: (msg: string) => void): Promise<TestServer> {
  const config: Config = {
    ...configFromEnv({}),
    port: 0,
    dataDir: mkdtempSync(join(tmpdir(), 'plenary-test-')),
    demo: false,
    unloadAfterMs: 200,
    ...overrides,
  };
  const server = await startServer(config, log ?? (process.env.PLENARY_TEST_LOG ? (m) => console.error(m) : () => {}));
  const t: TestServer = {
    server,
    config,
    url: server.url,
    wsUrl: server.url.replace(/^http/, 'ws'),
    adminKey: server.adminKey,
    async restart() {
      await server.close();
      return startTestServer({ ...config, port: 0 }, log);
    },
    close: () => server.close(),
  };
  return t;
}

export async function createSitting(t: TestServer, body: CreateSessionBody = SMALL_SITTING): Promise<CreateSessionResponse> {
  const res = await fetch(`${t.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST /api/sessions: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreateSessionResponse;
}

export function delegateToken(links: CreateSessionResponse, delegation: string): string {
  const link = links.links.delegates.find((d) => d.delegation === delegation);
  if (!link) throw new Error(`no link for ${delegation}`);
  return link.token;
}

export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text(): string;
  destroy(): void;
}

/** A stock y-websocket client (no BroadcastChannel, so it talks to the server only). */
export async function yClient(t: { wsUrl: string }, doc: string, token: string, opts: { waitSynced?: boolean } = {}): Promise<YClient> {
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider(`${t.wsUrl}/yjs`, doc, ydoc, {
    params: { token },
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  if (opts.waitSynced !== false) await waitFor(() => provider.synced, 5000, `${doc} did not sync`);
  return {
    doc: ydoc,
    provider,
    text: () => ydoc.getXmlFragment('body').toString(),
    destroy: () => {
      provider.destroy();
      ydoc.destroy();
    },
  };
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents> & { presence: PresenceEntry[] };

export async function ioClient(t: { url: string }, token: string): Promise<TestSocket> {
  const socket = io(t.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true }) as TestSocket;
  socket.presence = [];
  socket.on('presence', (p) => (socket.presence = p));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

let seq = 0;
export function cmd(socket: TestSocket, type: string, payload: unknown, id = `test-cmd-${Date.now()}-${++seq}`): Promise<Ack> {
  return socket.timeout(5000).emitWithAck('cmd', { id, type, payload });
}

/** Appends text at the end of the first paragraph-like element of the communiqué. */
export function typeInto(doc: Y.Doc, text: string, paragraph = 1): void {
  const el = doc.getXmlFragment('body').get(paragraph) as Y.XmlElement;
  const t = el.get(0) as Y.XmlText;
  t.insert(t.length, text);
}
