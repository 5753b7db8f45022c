import {
  actorKey,
  checkTransition,
  isLive,
  newId,
  PlenaryError,
  proposerMayEdit,
  readAgenda,
  sessionCommitments,
  sessionMeasures,
  type Commitment,
  type Measure,
} from '@plenary/shared';
import type { CommandContext, Handler } from './context';

/** The party an actor speaks for on measures: its delegation, or `chair`. */
function party(ctx: CommandContext): string {
  return ctx.actor.role === 'delegate' ? ctx.actor.delegation! : 'chair';
}

function measure(ctx: CommandContext, cbmId: string): Measure {
  const m = sessionMeasures(ctx.doc).get(cbmId);
  if (!m) throw PlenaryError.of('NOT_FOUND', 'noSuchMeasure', { id: cbmId });
  return m;
}

/** Writes a measure back with one more line of history. */
function save(ctx: CommandContext, m: Measure, action: string): void {
  sessionMeasures(ctx.doc).set(m.id, { ...m, history: [...m.history, { at: ctx.now, actor: actorKey(ctx.actor), action }] });
}

function checkItem(ctx: CommandContext, itemId: string | null | undefined): void {
  if (itemId && !readAgenda(ctx.doc).some((i) => i.id === itemId)) throw PlenaryError.of('NOT_FOUND', 'noSuchItem', { id: itemId });
}

export const propose: Handler<'cbm.propose'> = (ctx, { title, description, theme, itemId }) => {
  checkItem(ctx, itemId);
  const id = newId('m-');
  const m: Measure = {
    id,
    title,
    description,
    theme,
    proposer: party(ctx),
    cosponsors: [],
    ...(itemId ? { itemId } : {}),
    state: 'proposed',
    createdAt: ctx.now,
    history: [],
    comments: [],
  };
  save(ctx, m, 'proposed');
  return { id };
};

export const edit: Handler<'cbm.edit'> = (ctx, { cbmId, itemId, ...fields }) => {
  const m = measure(ctx, cbmId);
  if (ctx.actor.role !== 'chair') {
    if (m.proposer !== party(ctx)) throw PlenaryError.of('FORBIDDEN', 'editProposerOrChair');
    if (!proposerMayEdit(m)) throw PlenaryError.of('CONFLICT', 'measureChairEditsOnly', { cbmState: m.state });
  }
  checkItem(ctx, itemId);
  const next: Measure = { ...m, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
  if (itemId === null) delete next.itemId;
  else if (itemId !== undefined) next.itemId = itemId;
  save(ctx, next, `edited ${[...Object.keys(fields), ...(itemId !== undefined ? ['agenda item'] : [])].join(', ')}`);
};

export const cosponsor: Handler<'cbm.cosponsor'> = (ctx, { cbmId }) => {
  const m = measure(ctx, cbmId);
  const me = party(ctx);
  if (!isLive(m)) throw PlenaryError.of('CONFLICT', 'measureIs', { cbmState: m.state });
  if (m.proposer === me) throw PlenaryError.of('CONFLICT', 'ownMeasureNoCosponsor');
  if (m.cosponsors.includes(me)) throw PlenaryError.of('CONFLICT', 'alreadyCosponsor');
  save(ctx, { ...m, cosponsors: [...m.cosponsors, me] }, 'co-sponsored');
};

export const uncosponsor: Handler<'cbm.uncosponsor'> = (ctx, { cbmId }) => {
  const m = measure(ctx, cbmId);
  const me = party(ctx);
  if (!m.cosponsors.includes(me)) throw PlenaryError.of('CONFLICT', 'notCosponsor');
  save(ctx, { ...m, cosponsors: m.cosponsors.filter((d) => d !== me) }, 'stopped co-sponsoring');
};

export const setState: Handler<'cbm.setState'> = (ctx, { cbmId, state }) => {
  const m = measure(ctx, cbmId);
  if (state === 'withdrawn') {
    if (m.proposer !== party(ctx)) throw PlenaryError.of('FORBIDDEN', 'withdrawProposerOnly');
  } else if (ctx.actor.role !== 'chair') {
    throw PlenaryError.of('FORBIDDEN', 'onlyChair', { command: 'cbm.setState' });
  }
  checkTransition(m, state);
  save(ctx, { ...m, state }, state);
};

export const comment: Handler<'cbm.comment'> = (ctx, { cbmId, text }) => {
  const m = measure(ctx, cbmId);
  const id = newId('mc-');
  save(ctx, { ...m, comments: [...m.comments, { id, author: actorKey(ctx.actor), name: ctx.actor.name, text, at: ctx.now }] }, 'commented');
  return { id };
};

export const addCommitment: Handler<'commitment.add'> = (ctx, { cbmId, action, deadline }) => {
  const m = measure(ctx, cbmId);
  if (!isLive(m)) throw PlenaryError.of('CONFLICT', 'measureNoCommitments', { cbmState: m.state });
  const id = newId('k-');
  const c: Commitment = {
    id,
    cbmId,
    delegation: party(ctx),
    action,
    ...(deadline ? { deadline } : {}),
    status: 'planned',
    progress: 0,
    createdAt: ctx.now,
    timeline: [{ at: ctx.now, actor: actorKey(ctx.actor), status: 'planned', progress: 0, note: action }],
  };
  sessionCommitments(ctx.doc).set(id, c);
  save(ctx, m, `commitment by ${c.delegation}`);
  return { id };
};

export const updateCommitment: Handler<'commitment.update'> = (ctx, { commitmentId, status, progress, note }) => {
  const commitments = sessionCommitments(ctx.doc);
  const c = commitments.get(commitmentId);
  if (!c) throw PlenaryError.of('NOT_FOUND', 'noSuchCommitment', { id: commitmentId });
  if (ctx.actor.role !== 'chair' && c.delegation !== party(ctx)) {
    throw PlenaryError.of('FORBIDDEN', 'ownCommitmentsOnly');
  }
  const change = { ...(status ? { status } : {}), ...(progress !== undefined ? { progress } : {}), ...(note !== undefined ? { note } : {}) };
  commitments.set(commitmentId, { ...c, ...change, timeline: [...c.timeline, { at: ctx.now, actor: actorKey(ctx.actor), ...change }] });
};
