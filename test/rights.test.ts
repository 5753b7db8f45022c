/**
 * The rights matrix, generated from `shared`'s rights table (RIGHTS, COMMANDS, mayCommand, can):
 * every actor × every command (a fixture per command makes it valid), every actor × every kind of
 * doc write, and bad tokens × every channel. Each case is checked in the store: an allowed case
 * has its effect there, a refused one leaves both docs, the acks and the audit log as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import * as Y from 'yjs';
import { io } from 'socket.io-client';
import {
  actorKey,
  can,
  communiqueAuthors,
  communiqueSnapshot,
  COMMANDS,
  docName,
  mayCommand,
  readSession,
  RIGHTS,
  type AgendaItemView,
  type CommandType,
  type CreateSessionResponse,
  type Role,
  type SessionView,
} from '@plenary/shared';
import { InviteTokens } from '../server/src/auth/InviteTokens';
import type { AuditEntry } from '../server/src/store/DocStore';
import { cmd, createSitting, delegateToken, ioClient, AGENDA_SITTING, startTestServer, typeInto, type TestServer, type TestSocket } from './helpers/plenary';
import { rawYjs } from './helpers/rawYjs';
import { waitFor } from './helpers/wait';
import { storedDoc } from './reliability/storeDocs';
import { caretAt } from './attacks/carets';

const SECRET = 'rights-matrix-secret';
const DELEGATIONS = ['af', 'pk', 'cn'] as const;
type Delegation = (typeof DELEGATIONS)[number];
/** every role, and each delegation of the sitting */
const ACTORS = ['chair', ...DELEGATIONS, 'observer'] as const;
type ActorName = (typeof ACTORS)[number];
const roleOf = (a: ActorName): Role => (a === 'chair' || a === 'observer' ? a : 'delegate');
const keyOf = (a: ActorName) => actorKey({ role: roleOf(a), delegation: a });
const NAMES: Record<ActorName, string> = { chair: 'Chair', observer: 'Observer', af: 'Afghanistan', pk: 'Pakistan', cn: 'China' };
/** a delegation other than `a` (for the chair and observers: China) */
const otherThan = (a: ActorName): Delegation => (a === 'cn' ? 'pk' : 'cn');

const SITTING = AGENDA_SITTING;

let t: TestServer;
let tokenTarget: CreateSessionResponse;
let otherSitting: CreateSessionResponse;
let sittings = 0;
let ids = 0;

beforeAll(async () => {
  t = await startTestServer({ secret: SECRET, unloadAfterMs: 100 });
  tokenTarget = await createSitting(t, { ...SITTING, sessionId: 'token-target' });
  otherSitting = await createSitting(t, { ...SITTING, sessionId: 'another-sitting' });
  // the observers' first link of the target sitting is revoked: it stands for every revoked invite (R9)
  const revoked = await fetch(`${t.url}/api/sessions/token-target/invites/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}` },
    body: JSON.stringify({ role: 'observer' }),
  });
  if (!revoked.ok) throw new Error(`revoking the observers' invite: ${revoked.status} ${await revoked.text()}`);
});
afterAll(() => t.close());

// ---------------------------------------------------------------------------------------------
// a fresh sitting per case, and what the store holds of it

interface Stored {
  session: Uint8Array;
  communique: Uint8Array;
  view: SessionView;
  body: string;
  audit: AuditEntry[];
}

async function stored(sid: string): Promise<Stored> {
  const session = await storedDoc(t.server.store, docName(sid, 'session'));
  const communique = await storedDoc(t.server.store, docName(sid, 'communique'));
  const s: Stored = {
    session: Y.encodeStateVector(session),
    communique: Y.encodeStateVector(communique),
    view: readSession(session),
    body: communique.getXmlFragment('body').toString(),
    audit: await t.server.store.readAudit(sid),
  };
  session.destroy();
  communique.destroy();
  return s;
}

function expectUnchanged(before: Stored, after: Stored, label: string): void {
  expect(Buffer.from(after.session).equals(Buffer.from(before.session)), `${label}: the stored session doc changed`).toBe(true);
  expect(Buffer.from(after.communique).equals(Buffer.from(before.communique)), `${label}: the stored communiqué changed`).toBe(true);
  expect(after.audit.length, `${label}: the audit log grew`).toBe(before.audit.length);
}

interface Sitting {
  sid: string;
  links: CreateSessionResponse;
  /** the agenda item commands act on (pending at first) */
  item: string;
  paragraph: string;
  token(who: ActorName): string;
  socket(who: ActorName): Promise<TestSocket>;
  /** a setup command, which must succeed */
  as(who: ActorName, type: CommandType, payload: unknown): Promise<{ id?: string }>;
  /** waits until the attendance writes of connected delegations are stored */
  settle(): Promise<void>;
  close(): void;
}

async function sitting(): Promise<Sitting> {
  const sid = `matrix-${++sittings}`;
  const links = await createSitting(t, { ...SITTING, sessionId: sid });
  const first = await stored(sid);
  const communique = await storedDoc(t.server.store, docName(sid, 'communique'));
  const paragraph = communiqueSnapshot(communique).paragraphs.find((p) => p.kind !== 'text')!.id;
  communique.destroy();
  const sockets = new Map<ActorName, TestSocket>();
  const s: Sitting = {
    sid,
    links,
    item: first.view.agenda[1]!.id,
    paragraph,
    token: (who) => (who === 'chair' ? links.links.chair.token : who === 'observer' ? links.links.observer.token : delegateToken(links, who)),
    async socket(who) {
      let socket = sockets.get(who);
      if (!socket) sockets.set(who, (socket = await ioClient(t, s.token(who))));
      return socket;
    },
    async as(who, type, payload) {
      const ack = await cmd(await s.socket(who), type, payload);
      if (!ack.ok) throw new Error(`setup ${who} ${type}: ${JSON.stringify(ack)}`);
      return (ack.result ?? {}) as { id?: string };
    },
    async settle() {
      const connected = [...sockets.keys()].filter((a) => roleOf(a) === 'delegate');
      await waitFor(async () => {
        const { attendance } = (await stored(sid)).view;
        return connected.every((d) => attendance[d]?.connected);
      }, 5000, 'attendance was not stored');
    },
    close: () => sockets.forEach((socket) => socket.close()),
  };
  return s;
}

// ---------------------------------------------------------------------------------------------
// a valid command of each type, with what it needs set up and the effect it has in the store

interface Ctx {
  sit: Sitting;
  me: ActorName;
  /** the delegation whose list place, measure, commitment or comment the command is about */
  target: Delegation;
  ids: Record<string, string>;
}

interface Fixture {
  setup?: (c: Ctx) => Promise<void>;
  payload: (c: Ctx) => Record<string, unknown>;
  /** true when the command's effect is in the stored session doc */
  effect: (v: SessionView, c: Ctx) => boolean;
}

const itemOf = (v: SessionView, c: Ctx): AgendaItemView => v.agenda.find((i) => i.id === c.sit.item)!;
/** a delegate speaks for itself; anyone else names the delegation */
const forTarget = (c: Ctx) => ({ itemId: c.sit.item, ...(c.me === c.target ? {} : { delegation: c.target }) });
const inQueue = (v: SessionView, c: Ctx) => (itemOf(v, c).queue ?? []).some((e) => e.delegation === c.target);
const openItem = (c: Ctx) => c.sit.as('chair', 'agenda.open', { itemId: c.sit.item }).then(() => {});
const request = (c: Ctx, delegation: Delegation) => c.sit.as('chair', 'speakers.request', { itemId: c.sit.item, delegation }).then(() => {});
const withSpeech = async (c: Ctx) => {
  await openItem(c);
  await request(c, 'cn');
  await c.sit.as('chair', 'speakers.next', { itemId: c.sit.item });
};
const measureBy = async (c: Ctx, who: ActorName) => {
  c.ids.cbm = (await c.sit.as(who, 'cbm.propose', { title: 'Joint border patrols', description: 'Patrols on both sides', theme: 'border-management' })).id!;
};
const measure = (v: SessionView, c: Ctx) => v.cbms.find((m) => m.id === c.ids.cbm)!;
const commitment = (v: SessionView, c: Ctx) => v.commitments.find((k) => k.id === c.ids.commitment);

const FIXTURES: Record<CommandType, Fixture> = {
  'session.setState': { payload: () => ({ state: 'open' }), effect: (v) => v.meta.state === 'open' },
  'agenda.add': { payload: () => ({ title: 'Any other business' }), effect: (v) => v.agenda.some((i) => i.title === 'Any other business') },
  'agenda.update': { payload: (c) => ({ itemId: c.sit.item, budgetSec: 300 }), effect: (v, c) => itemOf(v, c).budgetSec === 300 },
  'agenda.move': { payload: (c) => ({ itemId: c.sit.item, toIndex: 0 }), effect: (v, c) => v.agenda[0]!.id === c.sit.item },
  'agenda.remove': { payload: (c) => ({ itemId: c.sit.item }), effect: (v, c) => !v.agenda.some((i) => i.id === c.sit.item) },
  'agenda.open': { payload: (c) => ({ itemId: c.sit.item }), effect: (v, c) => itemOf(v, c).state === 'open' },
  'agenda.close': { setup: openItem, payload: (c) => ({ itemId: c.sit.item }), effect: (v, c) => itemOf(v, c).state === 'closed' },
  'agenda.defer': { payload: (c) => ({ itemId: c.sit.item }), effect: (v, c) => itemOf(v, c).state === 'deferred' },
  'speakers.request': { payload: forTarget, effect: inQueue },
  'speakers.withdraw': { setup: (c) => request(c, c.target), payload: forTarget, effect: (v, c) => !inQueue(v, c) },
  'speakers.pointOfOrder': { setup: openItem, payload: forTarget, effect: inQueue },
  'speakers.next': {
    setup: async (c) => {
      await openItem(c);
      await request(c, 'cn');
    },
    payload: (c) => ({ itemId: c.sit.item }),
    effect: (v, c) => itemOf(v, c).floor?.delegation === 'cn',
  },
  'speakers.giveFloor': {
    setup: async (c) => {
      await openItem(c);
      await request(c, 'cn');
    },
    payload: (c) => ({ itemId: c.sit.item, delegation: 'cn' }),
    effect: (v, c) => itemOf(v, c).floor?.delegation === 'cn',
  },
  'speakers.remove': {
    setup: (c) => request(c, 'cn'),
    payload: (c) => ({ itemId: c.sit.item, delegation: 'cn' }),
    effect: (v, c) => !(itemOf(v, c).queue ?? []).some((e) => e.delegation === 'cn'),
  },
  'speakers.endSpeech': { setup: withSpeech, payload: (c) => ({ itemId: c.sit.item }), effect: (v, c) => !itemOf(v, c).floor },
  'speakers.close': { payload: (c) => ({ itemId: c.sit.item }), effect: (v, c) => itemOf(v, c).speakersClosed === true },
  'speakers.reopen': {
    setup: (c) => c.sit.as('chair', 'speakers.close', { itemId: c.sit.item }).then(() => {}),
    payload: (c) => ({ itemId: c.sit.item }),
    effect: (v, c) => !itemOf(v, c).speakersClosed,
  },
  'timer.pause': { setup: withSpeech, payload: () => ({}), effect: (v, c) => itemOf(v, c).floor?.runningSince === null },
  'timer.resume': {
    setup: async (c) => {
      await withSpeech(c);
      await c.sit.as('chair', 'timer.pause', {});
    },
    payload: () => ({}),
    effect: (v, c) => typeof itemOf(v, c).floor?.runningSince === 'number',
  },
  'timer.extend': { setup: withSpeech, payload: () => ({ seconds: 30 }), effect: (v, c) => itemOf(v, c).floor?.allottedMs === 210_000 },
  'paragraph.setStatus': {
    payload: (c) => ({ paragraphId: c.sit.paragraph, status: 'bracketed' }),
    effect: (v, c) => v.paragraphs[c.sit.paragraph]?.status === 'bracketed',
  },
  'comment.add': {
    payload: (c) => ({ paragraphId: c.sit.paragraph, text: 'We propose other wording' }),
    effect: (v, c) => v.comments.some((k) => k.text === 'We propose other wording' && k.author === keyOf(c.me)),
  },
  'comment.resolve': {
    setup: async (c) => {
      c.ids.comment = (await c.sit.as(c.target, 'comment.add', { paragraphId: c.sit.paragraph, text: 'Please clarify' })).id!;
    },
    payload: (c) => ({ commentId: c.ids.comment }),
    effect: (v, c) => Boolean(v.comments.find((k) => k.id === c.ids.comment)?.resolved),
  },
  'revision.create': { payload: () => ({ label: 'After the first reading' }), effect: (v) => v.revisions.length === 1 },
  'silence.start': { payload: () => ({ deadline: Date.now() + 3_600_000 }), effect: (v) => v.silence?.state === 'running' },
  'silence.break': {
    setup: (c) => c.sit.as('chair', 'silence.start', { deadline: Date.now() + 3_600_000 }).then(() => {}),
    payload: () => ({ reason: 'We cannot accept OP1' }),
    effect: (v, c) => v.silence?.state === 'broken' && v.silence.brokenBy === c.me,
  },
  'silence.withdraw': {
    setup: (c) => c.sit.as('chair', 'silence.start', { deadline: Date.now() + 3_600_000 }).then(() => {}),
    payload: () => ({}),
    effect: (v) => v.silence?.state === 'withdrawn',
  },
  'cbm.propose': {
    payload: () => ({ title: 'Hotline between border posts', description: 'A direct line', theme: 'border-management' }),
    effect: (v) => v.cbms.some((m) => m.title === 'Hotline between border posts'),
  },
  'cbm.edit': {
    setup: (c) => measureBy(c, c.target),
    payload: (c) => ({ cbmId: c.ids.cbm, title: 'Joint patrols, revised' }),
    effect: (v, c) => measure(v, c).title === 'Joint patrols, revised',
  },
  'cbm.cosponsor': {
    setup: (c) => measureBy(c, otherThan(c.me)),
    payload: (c) => ({ cbmId: c.ids.cbm }),
    effect: (v, c) => measure(v, c).cosponsors.includes(c.me),
  },
  'cbm.uncosponsor': {
    setup: async (c) => {
      await measureBy(c, otherThan(c.me));
      await c.sit.as(roleOf(c.me) === 'delegate' ? c.me : 'af', 'cbm.cosponsor', { cbmId: c.ids.cbm });
    },
    payload: (c) => ({ cbmId: c.ids.cbm }),
    effect: (v, c) => !measure(v, c).cosponsors.includes(c.me),
  },
  'cbm.setState': {
    // the chair moves a measure along; a delegation withdraws its own
    setup: (c) => measureBy(c, c.target),
    payload: (c) => ({ cbmId: c.ids.cbm, state: c.me === 'chair' ? 'under-discussion' : 'withdrawn' }),
    effect: (v, c) => measure(v, c).state === (c.me === 'chair' ? 'under-discussion' : 'withdrawn'),
  },
  'cbm.comment': {
    setup: (c) => measureBy(c, otherThan(c.me)),
    payload: (c) => ({ cbmId: c.ids.cbm, text: 'We support this' }),
    effect: (v, c) => measure(v, c).comments.some((k) => k.text === 'We support this' && k.author === keyOf(c.me)),
  },
  'commitment.add': {
    setup: (c) => measureBy(c, otherThan(c.me)),
    payload: (c) => ({ cbmId: c.ids.cbm, action: 'Share patrol schedules' }),
    effect: (v, c) => v.commitments.some((k) => k.cbmId === c.ids.cbm && k.delegation === c.me),
  },
  'commitment.update': {
    setup: async (c) => {
      await measureBy(c, otherThan(c.target));
      c.ids.commitment = (await c.sit.as(c.target, 'commitment.add', { cbmId: c.ids.cbm, action: 'Share patrol schedules' })).id!;
    },
    payload: (c) => ({ commitmentId: c.ids.commitment, progress: 50 }),
    effect: (v, c) => commitment(v, c)?.progress === 50,
  },
  'attendance.mark': { payload: () => ({ delegation: 'cn', present: true }), effect: (v) => v.attendance.cn?.inRoom === true },
  'invite.revoke': {
    payload: () => ({ role: 'delegate', delegation: 'cn' }),
    effect: (v) => v.feed.some((f) => f.key === 'invite.revoke' && f.delegation === 'cn'),
  },
  'focus.set': {
    payload: (c) => ({ paragraphId: c.sit.paragraph }),
    effect: (v, c) => (v.meta as { focus?: { paragraphId?: string } }).focus?.paragraphId === c.sit.paragraph,
  },
};

/** commands about a delegation's own place, measure, commitment or comment, sent by another delegation */
const FOREIGN: CommandType[] = [
  'speakers.request',
  'speakers.withdraw',
  'speakers.pointOfOrder',
  'cbm.edit',
  'cbm.setState',
  'commitment.update',
  'comment.resolve',
];

// ---------------------------------------------------------------------------------------------
// writes over Yjs, and tokens that must not get in

const DOC_WRITES = ['communiqué body', 'communiqué authors map', 'a new communiqué root', 'session doc', 'awareness with a forged user', "awareness of another connection's client id"] as const;
type DocWrite = (typeof DOC_WRITES)[number];
const docWriteAllowed = (who: ActorName, write: DocWrite) =>
  write === 'communiqué body' ? can(roleOf(who), 'draft') : write === 'awareness with a forged user';
const MARK = ' inserted by the matrix';

const BAD_TOKENS = {
  forged: () => new InviteTokens('not-the-secret').sign({ sid: 'token-target', role: 'chair' }, 1),
  expired: () =>
    new SignJWT({ sid: 'token-target', role: 'chair' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(SECRET)),
  'unsigned (alg none)': () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sid: 'token-target', role: 'chair', exp: 9999999999 })}.`;
  },
  'of another sitting': () => otherSitting.links.chair.token,
  // a sitting's delegations cannot be removed: a token naming one that is not invited stands for it
  'of a delegation not in the sitting': () => new InviteTokens(SECRET).sign({ sid: 'token-target', role: 'delegate', del: 'xx' }, 1),
  'of a revoked invite': () => tokenTarget.links.observer.token,
};
type BadToken = keyof typeof BAD_TOKENS;
const CHANNELS = ['Yjs communiqué', 'Yjs session doc', 'Socket.IO', 'REST'] as const;
type Channel = (typeof CHANNELS)[number];

// ---------------------------------------------------------------------------------------------
// the table

type Case =
  | { kind: 'command'; who: ActorName; type: CommandType; foreign: boolean; allowed: boolean }
  | { kind: 'doc'; who: ActorName; write: DocWrite; allowed: boolean }
  | { kind: 'token'; token: BadToken; channel: Channel; allowed: false };

const CASES: Case[] = [
  ...ACTORS.flatMap((who) =>
    (Object.keys(COMMANDS) as CommandType[]).map((type): Case => ({ kind: 'command', who, type, foreign: false, allowed: mayCommand(roleOf(who), type) })),
  ),
  ...DELEGATIONS.flatMap((who) => FOREIGN.map((type): Case => ({ kind: 'command', who, type, foreign: true, allowed: false }))),
  ...ACTORS.flatMap((who) => DOC_WRITES.map((write): Case => ({ kind: 'doc', who, write, allowed: docWriteAllowed(who, write) }))),
  ...(Object.keys(BAD_TOKENS) as BadToken[]).flatMap((token) => CHANNELS.map((channel): Case => ({ kind: 'token', token, channel, allowed: false }))),
];

function title(c: Case): string {
  const verdict = c.allowed ? 'allowed, with its effect in the store' : 'refused, nothing changes in the store';
  if (c.kind === 'command') return `${c.who} × ${c.type}${c.foreign ? ` for another delegation's ${c.type.split('.')[0]}` : ''} → ${verdict}`;
  if (c.kind === 'doc') return `${c.who} × writes ${c.write} → ${c.write.startsWith('awareness') ? (c.allowed ? 'relayed under its true identity' : 'ignored') : verdict}`;
  return `a ${c.token} token × ${c.channel} → refused before anything is loaded`;
}

// ---------------------------------------------------------------------------------------------
// running a case

async function commandCase(c: Extract<Case, { kind: 'command' }>): Promise<void> {
  const sit = await sitting();
  try {
    const target: Delegation = c.foreign ? otherThan(c.who) : roleOf(c.who) === 'delegate' ? (c.who as Delegation) : 'cn';
    const ctx: Ctx = { sit, me: c.who, target, ids: {} };
    const fixture = FIXTURES[c.type];
    await fixture.setup?.(ctx);
    const socket = await sit.socket(c.who);
    await sit.settle();
    const before = await stored(sit.sid);
    const id = `matrix-${++ids}-${Date.now()}`;
    const ack = await cmd(socket, c.type, fixture.payload(ctx), id);
    const after = await stored(sit.sid);
    const recorded = await t.server.store.findCommand(sit.sid, keyOf(c.who), id);
    if (c.allowed) {
      expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
      expect(fixture.effect(before.view, ctx), 'the effect was there before the command').toBe(false);
      expect(fixture.effect(after.view, ctx), 'the effect is not in the stored session doc').toBe(true);
      expect(recorded).toEqual(ack);
      expect(after.audit.some((e) => e.kind === 'command' && e.id === id && e.actor === keyOf(c.who))).toBe(true);
    } else {
      expect(ack, JSON.stringify(ack)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(recorded).toBeNull();
      expectUnchanged(before, after, title(c));
    }
  } finally {
    sit.close();
  }
}

async function docCase(c: Extract<Case, { kind: 'doc' }>): Promise<void> {
  const sit = await sitting();
  const token = sit.token(c.who);
  const before = await stored(sit.sid);
  const doc = docName(sit.sid, c.write === 'session doc' ? 'session' : 'communique');
  const client = await rawYjs(t, doc, token);
  const victim = await rawYjs(t, doc, sit.token('observer'));
  try {
    switch (c.write) {
      case 'communiqué body':
        client.edit((d) => typeInto(d, MARK, 1));
        break;
      case 'communiqué authors map':
        client.edit((d) => communiqueAuthors(d).set(String(d.clientID), 'chair'));
        break;
      case 'a new communiqué root':
        client.edit((d) => d.getMap('notes').set('by', 'chair'));
        break;
      case 'session doc':
        client.edit((d) => d.getMap('meta').set('state', 'closed'));
        break;
      case 'awareness with a forged user': {
        const id = client.doc.clientID;
        client.sendAwareness([{ clientId: id, clock: 1, state: { user: { name: 'Chair', role: 'chair', color: '#000000' }, cursor: null } }]);
        const user = (await client.queryAwareness([id])).get(id)?.user as { name: string; role: string; delegation?: string };
        expect(user).toMatchObject({ name: NAMES[c.who], role: roleOf(c.who) });
        expect(user.delegation).toBe(roleOf(c.who) === 'delegate' ? c.who : undefined);
        break;
      }
      case "awareness of another connection's client id": {
        const id = victim.doc.clientID;
        victim.sendAwareness([{ clientId: id, clock: 1, state: caretAt(1) }]);
        await client.queryAwareness([id]);
        client.sendAwareness([{ clientId: id, clock: 9, state: caretAt(2) }]);
        expect((await client.queryAwareness([id])).get(id)).toMatchObject(caretAt(1));
        break;
      }
    }
    // every frame sent before is applied and stored, or refused (a refusal may close the connection)
    await client.barrier().catch(() => {});
    const after = await stored(sit.sid);
    if (c.write === 'communiqué body' && c.allowed) {
      expect(after.body).toContain(MARK);
      expect(client.closed).toBeNull();
    } else {
      expectUnchanged(before, after, title(c));
      if (!c.write.startsWith('awareness')) expect(client.denied.length > 0 || client.closed !== null, 'the refusal was not told').toBe(true);
    }
  } finally {
    client.close();
    victim.close();
  }
}

async function docsLoaded(): Promise<number> {
  const text = await (await fetch(`${t.url}/metrics`)).text();
  return Number(/^plenary_docs_loaded (\d+)$/m.exec(text)?.[1]);
}

async function tokenCase(c: Extract<Case, { kind: 'token' }>): Promise<void> {
  const sid = 'token-target';
  const token = await BAD_TOKENS[c.token]();
  // the target sitting's docs are not in memory; a stranger must not bring them there
  await waitFor(async () => (await docsLoaded()) === 0, 10_000, 'docs did not unload');
  const before = await stored(sid);
  switch (c.channel) {
    case 'Yjs communiqué':
    case 'Yjs session doc': {
      const doc = docName(sid, c.channel === 'Yjs session doc' ? 'session' : 'communique');
      const refused = await rawYjs(t, doc, token).then(
        (client) => {
          client.edit((d) => typeInto(d, MARK, 1));
          client.close();
          return 0;
        },
        (err: { status?: number }) => err.status ?? -1,
      );
      expect(refused).toBe(401);
      break;
    }
    case 'Socket.IO': {
      const socket = io(t.url, { auth: { token, sid }, transports: ['websocket'], reconnection: false, forceNew: true });
      const outcome = await new Promise<string>((resolve) => {
        socket.once('connect_error', (err: Error & { data?: { code: string } }) => resolve(err.data?.code ?? 'connect_error'));
        socket.once('connect', () => void socket.timeout(5000).emitWithAck('cmd', { id: `matrix-${++ids}-bad`, type: 'session.setState', payload: { state: 'open' } }).then(() => resolve('connected')));
      });
      socket.close();
      expect(outcome).toBe('UNAUTHORIZED');
      break;
    }
    case 'REST': {
      const res = await fetch(`${t.url}/api/sessions/${sid}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
      break;
    }
  }
  expect(await docsLoaded(), 'a doc was loaded for a refused token').toBe(0);
  expectUnchanged(before, await stored(sid), title(c));
}

describe('the rights matrix', () => {
  const size = { commands: CASES.filter((c) => c.kind === 'command').length, docs: CASES.filter((c) => c.kind === 'doc').length, tokens: CASES.filter((c) => c.kind === 'token').length };
  afterAll(() => {
    console.log(
      `rights matrix: ${CASES.length} cases — ${size.commands} command cases (${ACTORS.length} actors × ${Object.keys(COMMANDS).length} commands + ${size.commands - ACTORS.length * Object.keys(COMMANDS).length} for another delegation), ` +
        `${size.docs} doc writes (${ACTORS.length} × ${DOC_WRITES.length}), ${size.tokens} bad tokens (${Object.keys(BAD_TOKENS).length} × ${CHANNELS.length} channels); roles ${Object.keys(RIGHTS).join(', ')}`,
    );
  });

  it.each(CASES.map((c) => [title(c), c] as const))('[Q3][C2][R1][R2][R3][R6][A4][M3][L3][L5] %s', async (_title, c) => {
    if (c.kind === 'command') await commandCase(c);
    else if (c.kind === 'doc') await docCase(c);
    else await tokenCase(c);
  });
});
