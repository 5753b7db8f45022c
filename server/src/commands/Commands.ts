import {
  actorKey,
  mayCommand,
  COMMANDS,
  CommandEnvelope,
  describeZodError,
  docName,
  isCommandType,
  PlenaryError,
  readAgenda,
  type Ack,
  type Actor,
  type CommandType,
} from '@plenary/shared';
import type * as Y from 'yjs';
import type { DocStore } from '../store/DocStore';
import type { RoomRegistry } from '../yjs/RoomRegistry';
import type { Handler, HandlerMap, Preparations } from './context';
import { appendFeed } from './feed';
import * as agenda from './agenda';
import * as attendance from './attendance';
import * as cbm from './cbm';
import * as drafting from './drafting';
import { revokeInvite } from './invites';
import { createRevision } from './revisions';
import { breakSilence, startSilence, withdrawSilence } from './silence';
import { setState } from './session';
import * as speakers from './speakers';
import * as timer from './timer';

const HANDLERS: HandlerMap = {
  'session.setState': setState,
  'agenda.add': agenda.add,
  'agenda.update': agenda.update,
  'agenda.move': agenda.move,
  'agenda.remove': agenda.remove,
  'agenda.open': agenda.open,
  'agenda.close': agenda.close,
  'agenda.defer': agenda.defer,
  'speakers.request': speakers.request,
  'speakers.withdraw': speakers.withdraw,
  'speakers.pointOfOrder': speakers.pointOfOrder,
  'speakers.next': speakers.next,
  'speakers.giveFloor': speakers.giveFloor,
  'speakers.remove': speakers.remove,
  'speakers.endSpeech': speakers.endSpeech,
  'speakers.close': speakers.close,
  'speakers.reopen': speakers.reopen,
  'timer.pause': timer.pause,
  'timer.resume': timer.resume,
  'timer.extend': timer.extend,
  'paragraph.setStatus': drafting.setStatus,
  'comment.add': drafting.addComment,
  'comment.resolve': drafting.resolveComment,
  'revision.create': createRevision,
  'silence.start': startSilence,
  'silence.break': breakSilence,
  'silence.withdraw': withdrawSilence,
  'cbm.propose': cbm.propose,
  'cbm.edit': cbm.edit,
  'cbm.cosponsor': cbm.cosponsor,
  'cbm.uncosponsor': cbm.uncosponsor,
  'cbm.setState': cbm.setState,
  'cbm.comment': cbm.comment,
  'commitment.add': cbm.addCommitment,
  'commitment.update': cbm.updateCommitment,
  'attendance.mark': attendance.mark,
  'focus.set': attendance.setFocus,
  'invite.revoke': revokeInvite,
};

/** Commands whose rules read the communiqué: its room is held open while they run. */
const READS_COMMUNIQUE: ReadonlySet<CommandType> = new Set([
  'paragraph.setStatus',
  'comment.add',
  'revision.create',
  'silence.start',
  'focus.set',
]);

/** "Only the chair can <verb>": the command's type goes with it, so each reader sees the verb in their language. */
function refusal(actor: Actor, command: CommandType, spec: { delegationOnly?: boolean }): PlenaryError {
  const key = actor.role === 'observer' ? 'observersCannot' : spec.delegationOnly ? 'onlyDelegation' : 'onlyChair';
  return PlenaryError.of('FORBIDDEN', key, { command });
}

type Outcome = { replay: Ack } | { result: unknown };

/** authorize → validate → apply to the sitting's session doc → audit, once per command id. */
export class Commands {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly store: DocStore,
    private readonly log: (msg: string) => void = () => {},
    /** told of every command applied (not of retries) */
    private readonly onApplied: (actor: Actor, type: CommandType) => void = () => {},
    /** runs `fn` alone among every node serving the sitting (several nodes); one node needs no lock */
    private readonly exclusive: <T>(sid: string, fn: () => Promise<T>) => Promise<T> = (_sid, fn) => fn(),
    private readonly preparations: Preparations = {},
  ) {}

  /** commands with a preparation being run, by actor and id: a retry racing its first attempt waits for it */
  private readonly preparing = new Map<string, Promise<Ack>>();

  async execute(actor: Actor, raw: unknown): Promise<Ack> {
    try {
      return await this.run(actor, raw);
    } catch (err) {
      if (err instanceof PlenaryError) return { ok: false, error: err.toBody() };
      this.log(`command failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return { ok: false, error: PlenaryError.of('UNAVAILABLE', 'commandFailed').toBody() };
    }
  }

  private async run(actor: Actor, raw: unknown): Promise<Ack> {
    const envelope = CommandEnvelope.safeParse(raw);
    if (!envelope.success) throw new PlenaryError('INVALID', `A command is {id, type, payload}: ${describeZodError(envelope.error)}`);
    const { id, type } = envelope.data;
    if (!isCommandType(type)) throw new PlenaryError('INVALID', `Unknown command type "${type.slice(0, 64)}"`);
    const spec = COMMANDS[type];
    if (!mayCommand(actor.role, type)) throw refusal(actor, type, spec);
    const payload = spec.payload.safeParse(envelope.data.payload ?? {});
    if (!payload.success) throw new PlenaryError('INVALID', describeZodError(payload.error, 'payload'));

    const key = actorKey(actor);
    const prepare = this.preparations[type] as ((actor: Actor, payload: unknown) => Promise<unknown>) | undefined;
    // its preparation acts outside the doc: a retry racing the first attempt must not run it again
    const racing = prepare && this.preparing.get(`${actor.sid}|${key}|${id}`);
    if (racing) return racing;
    // under the lock, a retry that raced its first attempt on another node finds that attempt's ack
    const run = this.exclusive(actor.sid, async () => {
      const stored = await this.store.findCommand(actor.sid, key, id);
      if (stored) return stored;
      const prepared = prepare ? await prepare(actor, payload.data) : undefined;

      const handler = HANDLERS[type] as Handler<CommandType>;
      const apply = (communique?: Y.Doc) =>
        this.rooms.with(docName(actor.sid, 'session'), async (room) => {
          const ackKey = `${key}|${id}`;
          const outcome = await room.change<Outcome>({
            actor: key,
            run: (doc) => {
              const replay = room.appliedAck(ackKey);
              if (replay) return { replay };
              const now = Date.now();
              const agendaBefore = readAgenda(doc);
              const result = handler({ doc, actor, now, prepared, ...(communique ? { communique } : {}) }, payload.data as never);
              appendFeed(doc, { actor, type, payload: payload.data as Record<string, unknown>, now, agendaBefore, communique });
              room.rememberAck(ackKey, ackOf(result));
              return { result };
            },
            record: (o) =>
              'replay' in o
                ? undefined
                : { sid: actor.sid, id, actor: key, type, payload: payload.data, at: Date.now(), ack: ackOf(o.result) },
          });
          if ('replay' in outcome) return outcome.replay;
          this.onApplied(actor, type);
          return ackOf(outcome.result);
        });
      return READS_COMMUNIQUE.has(type) ? this.rooms.with(docName(actor.sid, 'communique'), (c) => apply(c.doc)) : apply();
    });
    if (!prepare) return run;
    const racingKey = `${actor.sid}|${key}|${id}`;
    this.preparing.set(racingKey, run);
    return run.finally(() => this.preparing.delete(racingKey));
  }
}

function ackOf(result: unknown): Ack {
  return result === undefined ? { ok: true } : { ok: true, result };
}
