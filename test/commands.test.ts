import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cmd, createSitting, delegateToken, ioClient, startTestServer, yClient, type TestServer, type TestSocket, type YClient } from './helpers/plenary';
import { waitFor } from './helpers/wait';
import type { CreateSessionResponse } from '@plenary/shared';

let t: TestServer;
let links: CreateSessionResponse;
const sockets: TestSocket[] = [];
const docs: YClient[] = [];
const connect = async (token: string) => {
  const s = await ioClient(t, token);
  sockets.push(s);
  return s;
};

beforeAll(async () => {
  t = await startTestServer();
  links = await createSitting(t);
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
  for (const d of docs.splice(0)) d.destroy();
});
afterAll(() => t.close());

const readState = async () => {
  const res = await fetch(`${t.url}/api/sessions/test-sitting`, { headers: { authorization: `Bearer ${links.links.observer.token}` } });
  return ((await res.json()) as { meta: { state: string } }).meta.state;
};

describe('commands over Socket.IO', () => {
  it('[C1] the chair opens the sitting; everyone sees it through the session doc; the ack is {ok:true}', async () => {
    const chair = await connect(links.links.chair.token);
    const obs = await yClient(t, 'test-sitting/session', links.links.observer.token);
    docs.push(obs);
    expect(await cmd(chair, 'session.setState', { state: 'open' })).toEqual({ ok: true });
    await waitFor(() => obs.doc.getMap('meta').get('state') === 'open');
    expect(await readState()).toBe('open');
  });

  it.each([
    ['delegate', () => delegateToken(links, 'pk'), 'Only the chair can change the state of the sitting', 'onlyChair'],
    ['observer', () => links.links.observer.token, 'Observers cannot change the state of the sitting', 'observersCannot'],
  ])('[C2][I7] a %s may not change the state of the sitting (FORBIDDEN), and nothing changes', async (_role, token, message, key) => {
    const before = await readState();
    const s = await connect(token());
    expect(await cmd(s, 'session.setState', { state: 'closed' })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message, key, params: { command: 'session.setState' } } });
    expect(await readState()).toBe(before);
  });

  it.each([
    ['no payload', undefined, /payload.state/],
    ['an unknown state', { state: 'adjourned' }, /payload.state/],
    ['extra keys', { state: 'open', sneaky: true }, /sneaky|Unrecognized/],
    ['a prototype-pollution key', JSON.parse('{"state":"open","__proto__":{"polluted":1}}'), /__proto__|Unrecognized/],
  ])('[C3] a payload with %s is INVALID with a readable message', async (_name, payload, message) => {
    const chair = await connect(links.links.chair.token);
    const ack = await cmd(chair, 'session.setState', payload);
    expect(ack).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(!ack.ok && ack.error.message).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('[C3] an envelope without id or with an unknown type is INVALID', async () => {
    const chair = await connect(links.links.chair.token);
    expect(await chair.timeout(5000).emitWithAck('cmd', { type: 'session.setState', payload: { state: 'open' } } as never)).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
    expect(await cmd(chair, 'agenda.explode', {})).toMatchObject({ ok: false, error: { code: 'INVALID', message: 'Unknown command type "agenda.explode"' } });
    expect(await chair.timeout(5000).emitWithAck('cmd', 'garbage' as never)).toMatchObject({ ok: false, error: { code: 'INVALID' } });
  });

  it('[C6] an impossible transition is a CONFLICT that names the allowed ones', async () => {
    const chair = await connect(links.links.chair.token);
    if ((await readState()) !== 'open') await cmd(chair, 'session.setState', { state: 'open' });
    expect(await cmd(chair, 'session.setState', { state: 'open' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'The sitting is already open', key: 'sittingAlready', params: { sessionState: 'open' } },
    });
    expect(await cmd(chair, 'session.setState', { state: 'scheduled' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('suspended or closed') },
    });
  });

  it('[I7] a refused command carries the refusal’s key and values (states as codes) besides the English message', async () => {
    const chair = await connect(links.links.chair.token);
    if ((await readState()) !== 'open') await cmd(chair, 'session.setState', { state: 'open' });
    expect(await cmd(chair, 'session.setState', { state: 'scheduled' })).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'A open sitting cannot be made scheduled; it can be made suspended or closed',
        key: 'sittingTransition',
        params: { sessionFrom: 'open', sessionTo: 'scheduled', sessionAllowed: 'suspended,closed' },
      },
    });
    // validation stays a plain English message
    const invalid = await cmd(chair, 'session.setState', { state: 'adjourned' });
    expect(!invalid.ok && invalid.error.key).toBeUndefined();
  });

  it('[C4] a command id already applied is not applied again, even after a restart; the retry gets the first ack', async () => {
    let chair = await connect(links.links.chair.token);
    if ((await readState()) !== 'open') await cmd(chair, 'session.setState', { state: 'open' });
    const id = `suspend-${Date.now()}`;
    const [a, b] = await Promise.all([cmd(chair, 'session.setState', { state: 'suspended' }, id), cmd(chair, 'session.setState', { state: 'suspended' }, id)]);
    expect(a).toEqual({ ok: true });
    expect(b).toEqual({ ok: true });
    expect(await cmd(chair, 'session.setState', { state: 'open' })).toEqual({ ok: true });
    // the same id again, after the state moved on, still answers as the first time and changes nothing
    expect(await cmd(chair, 'session.setState', { state: 'suspended' }, id)).toEqual({ ok: true });
    expect(await readState()).toBe('open');
    for (const s of sockets.splice(0)) s.close();
    t = await t.restart();
    chair = await connect(links.links.chair.token);
    expect(await cmd(chair, 'session.setState', { state: 'suspended' }, id)).toEqual({ ok: true });
    expect(await readState()).toBe('open');
    const audit = await t.server.store.readAudit('test-sitting');
    expect(audit.filter((e) => e.kind === 'command' && e.id === id)).toHaveLength(1);
  });

  it('[C5] each applied command is audited with actor, type, payload and time; refused ones are not', async () => {
    const chair = await connect(links.links.chair.token);
    const pk = await connect(delegateToken(links, 'pk'));
    const before = (await t.server.store.readAudit('test-sitting')).length;
    const target = (await readState()) === 'open' ? 'suspended' : 'open';
    expect(await cmd(chair, 'session.setState', { state: target }, 'audited-0001')).toEqual({ ok: true });
    await cmd(pk, 'session.setState', { state: 'closed' }, 'refused-0001');
    const audit = (await t.server.store.readAudit('test-sitting')).slice(before);
    expect(audit.filter((e) => e.kind === 'command')).toEqual([
      { kind: 'command', id: 'audited-0001', actor: 'chair', type: 'session.setState', payload: { state: target }, at: expect.any(Number) },
    ]);
    expect(audit.filter((e) => e.kind === 'update')).toHaveLength(1);
  });
});

describe('presence', () => {
  it('[P1] everyone sees who is connected; a delegation with two tabs counts once; a closed tab disappears', async () => {
    const chair = await connect(links.links.chair.token);
    const pk1 = await connect(delegateToken(links, 'pk'));
    const pk2 = await connect(delegateToken(links, 'pk'));
    const obs = await connect(links.links.observer.token);
    await waitFor(() => obs.presence.length === 3);
    expect(obs.presence).toEqual([
      { key: 'chair', role: 'chair', name: 'Chair', connections: 1 },
      { key: 'delegate:pk', role: 'delegate', delegation: 'pk', name: 'Pakistan', connections: 2 },
      { key: 'observer', role: 'observer', name: 'Observer', connections: 1 },
    ]);
    pk1.close();
    await waitFor(() => chair.presence.find((p) => p.key === 'delegate:pk')?.connections === 1);
    pk2.close();
    await waitFor(() => chair.presence.every((p) => p.key !== 'delegate:pk'), 3000);
  });

  it('[P1] the welcome names who the server says you are', async () => {
    const s = ioClientWelcome(delegateToken(links, 'cn'));
    expect(await s).toMatchObject({ sid: 'test-sitting', role: 'delegate', delegation: 'cn', name: 'China', color: expect.stringMatching(/^#[0-9a-f]{6}$/) });
  });
});

async function ioClientWelcome(token: string) {
  const { io } = await import('socket.io-client');
  const socket = io(t.url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
  try {
    return await new Promise((resolve) => socket.once('welcome', resolve));
  } finally {
    socket.close();
  }
}
