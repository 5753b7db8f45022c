import { z } from 'zod';
import { can, type Right, type Role } from './roles';
import { ErrorBody } from './errors';
import { SessionState } from './session';
import { ItemFields } from './agenda';
import { DelegationId } from './ids';
import { ParagraphStatus } from './drafting';
import { CbmFields, CbmState, CbmTheme, CommitmentStatus } from './cbm';

/** What a client sends as the `cmd` event. `id` is made by the client so a retry applies once. */
export const CommandEnvelope = z.object({
  id: z.string().min(8).max(64),
  type: z.string().min(1).max(64),
  payload: z.unknown().optional(),
});
export type CommandEnvelope = z.infer<typeof CommandEnvelope>;

export type Ack<R = unknown> = { ok: true; result?: R } | { ok: false; error: ErrorBody };

interface CommandSpec<P extends z.ZodType> {
  /** the right a sender needs */
  right: Right;
  payload: P;
  /** in plain words, for error messages: "Only the chair can <verb>" */
  verb: string;
  /** sent by a delegation for itself only, not by the chair */
  delegationOnly?: boolean;
}

function command<P extends z.ZodType>(spec: CommandSpec<P>): CommandSpec<P> {
  return spec;
}

const itemId = z.string().min(1).max(64);
const onItem = z.object({ itemId }).strict();
const cbmId = z.string().min(1).max(64);
/** A delegate speaks for their own delegation (named or not); the chair names the delegation. */
const forDelegation = z.object({ itemId, delegation: DelegationId.optional() }).strict();

/** Every command the server knows: who may send it and the shape of its payload. */
export const COMMANDS = {
  'session.setState': command({
    right: 'preside',
    verb: 'change the state of the sitting',
    payload: z.object({ state: SessionState }).strict(),
  }),

  'agenda.add': command({
    right: 'preside',
    verb: 'add agenda items',
    payload: z
      .object({
        title: ItemFields.title,
        description: ItemFields.description.optional(),
        durationMin: ItemFields.durationMin.optional(),
        /** id of the item to insert after; at the end when absent */
        after: itemId.optional(),
      })
      .strict(),
  }),
  'agenda.update': command({
    right: 'preside',
    verb: 'edit agenda items',
    payload: z
      .object({
        itemId,
        title: ItemFields.title.optional(),
        description: ItemFields.description.nullable().optional(),
        durationMin: ItemFields.durationMin.nullable().optional(),
        speakingTimeSec: ItemFields.speakingTimeSec.nullable().optional(),
        /** each delegation's speaking time on this item */
        budgetSec: ItemFields.budgetSec.nullable().optional(),
      })
      .strict()
      .refine((p) => Object.keys(p).length > 1, 'name at least one field to change'),
  }),
  'agenda.move': command({
    right: 'preside',
    verb: 'reorder the agenda',
    payload: z.object({ itemId, toIndex: z.number().int().min(0) }).strict(),
  }),
  'agenda.remove': command({ right: 'preside', verb: 'remove agenda items', payload: onItem }),
  'agenda.open': command({ right: 'preside', verb: 'open an agenda item', payload: onItem }),
  'agenda.close': command({ right: 'preside', verb: 'close an agenda item', payload: onItem }),
  'agenda.defer': command({ right: 'preside', verb: 'defer an agenda item', payload: onItem }),

  'speakers.request': command({ right: 'participate', verb: 'request the floor', payload: forDelegation }),
  'speakers.withdraw': command({ right: 'participate', verb: 'withdraw from the list of speakers', payload: forDelegation }),
  'speakers.pointOfOrder': command({ right: 'participate', verb: 'raise a point of order', payload: forDelegation }),
  'speakers.next': command({ right: 'preside', verb: 'give the floor', payload: onItem }),
  'speakers.giveFloor': command({
    right: 'preside',
    verb: 'give the floor',
    payload: z.object({ itemId, delegation: DelegationId }).strict(),
  }),
  'speakers.remove': command({
    right: 'preside',
    verb: 'remove a speaker from the list',
    payload: z.object({ itemId, delegation: DelegationId }).strict(),
  }),
  'speakers.endSpeech': command({ right: 'preside', verb: 'end a speech', payload: onItem }),
  'speakers.close': command({ right: 'preside', verb: 'close the list of speakers', payload: onItem }),
  'speakers.reopen': command({ right: 'preside', verb: 'reopen the list of speakers', payload: onItem }),

  'timer.pause': command({ right: 'preside', verb: 'pause the speaking timer', payload: z.object({}).strict() }),
  'timer.resume': command({ right: 'preside', verb: 'resume the speaking timer', payload: z.object({}).strict() }),
  'timer.extend': command({
    right: 'preside',
    verb: 'extend the speaking time',
    payload: z.object({ seconds: z.number().int().min(1).max(3600) }).strict(),
  }),

  'paragraph.setStatus': command({
    right: 'preside',
    verb: 'set the status of a paragraph',
    payload: z.object({ paragraphId: z.string().min(1).max(64), status: ParagraphStatus }).strict(),
  }),
  'comment.add': command({
    right: 'participate',
    verb: 'comment',
    payload: z
      .object({
        paragraphId: z.string().min(1).max(64),
        text: z.string().trim().min(1).max(4000),
        replyTo: z.string().min(1).max(64).optional(),
      })
      .strict(),
  }),
  'revision.create': command({
    right: 'preside',
    verb: 'issue a revision',
    payload: z.object({ label: z.string().trim().min(1).max(100).optional() }).strict(),
  }),
  'silence.start': command({
    right: 'preside',
    verb: 'start a silence procedure',
    payload: z
      .object({
        /** server time, ms since epoch */
        deadline: z.number().int().positive(),
        paragraphIds: z.array(z.string().min(1).max(64)).min(1).max(500).optional(),
      })
      .strict(),
  }),
  'silence.break': command({
    right: 'participate',
    delegationOnly: true,
    verb: 'break silence',
    payload: z.object({ reason: z.string().trim().min(1).max(2000) }).strict(),
  }),
  'cbm.propose': command({
    right: 'participate',
    verb: 'propose a measure',
    payload: z
      .object({ title: CbmFields.title, description: CbmFields.description, theme: CbmTheme, itemId: itemId.optional() })
      .strict(),
  }),
  'cbm.edit': command({
    right: 'participate',
    verb: 'edit a measure',
    payload: z
      .object({
        cbmId,
        title: CbmFields.title.optional(),
        description: CbmFields.description.optional(),
        theme: CbmTheme.optional(),
        itemId: itemId.nullable().optional(),
      })
      .strict()
      .refine((p) => Object.keys(p).length > 1, 'name at least one field to change'),
  }),
  'cbm.cosponsor': command({ right: 'participate', delegationOnly: true, verb: 'co-sponsor a measure', payload: z.object({ cbmId }).strict() }),
  'cbm.uncosponsor': command({ right: 'participate', delegationOnly: true, verb: 'stop co-sponsoring a measure', payload: z.object({ cbmId }).strict() }),
  'cbm.setState': command({
    right: 'participate',
    verb: 'change the state of a measure',
    payload: z.object({ cbmId, state: CbmState }).strict(),
  }),
  'cbm.comment': command({
    right: 'participate',
    verb: 'comment on a measure',
    payload: z.object({ cbmId, text: z.string().trim().min(1).max(4000) }).strict(),
  }),
  'commitment.add': command({
    right: 'participate',
    delegationOnly: true,
    verb: 'record a commitment',
    payload: z.object({ cbmId, action: CbmFields.action, deadline: CbmFields.deadline.optional() }).strict(),
  }),
  'commitment.update': command({
    right: 'participate',
    verb: 'update a commitment',
    payload: z
      .object({
        commitmentId: z.string().min(1).max(64),
        status: CommitmentStatus.optional(),
        progress: CbmFields.progress.optional(),
        note: CbmFields.note.optional(),
      })
      .strict()
      .refine((p) => Object.keys(p).length > 1, 'name at least one of status, progress, note'),
  }),
  'attendance.mark': command({
    right: 'preside',
    verb: 'mark attendance',
    payload: z.object({ delegation: DelegationId, present: z.boolean() }).strict(),
  }),
  'focus.set': command({
    right: 'preside',
    verb: 'set the focus of the room screen',
    payload: z
      .object({ paragraphId: z.string().min(1).max(64).optional(), cbmId: z.string().min(1).max(64).optional() })
      .strict()
      .refine((p) => !(p.paragraphId && p.cbmId), 'focus on a paragraph or a measure, not both'),
  }),
  'comment.resolve': command({
    right: 'participate',
    verb: 'resolve comments',
    payload: z.object({ commentId: z.string().min(1).max(64) }).strict(),
  }),
} as const;

export type CommandType = keyof typeof COMMANDS;
export type CommandPayload<T extends CommandType> = z.infer<(typeof COMMANDS)[T]['payload']>;

/** Whether a role may send a command at all (delegates are further limited to their own delegation). */
export function mayCommand(role: Role, type: CommandType): boolean {
  const spec: CommandSpec<z.ZodType> = COMMANDS[type];
  return can(role, spec.right) && !(spec.delegationOnly && role !== 'delegate');
}

export function isCommandType(type: string): type is CommandType {
  return Object.hasOwn(COMMANDS, type);
}
