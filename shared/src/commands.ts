import { z } from 'zod';
import { COMMAND_RULES, type CommandRule, type CommandType } from './commandRules';
import {
  CbmFields,
  CbmState,
  CbmTheme,
  CommitmentStatus,
  DelegationId,
  ErrorBody,
  ItemFields,
  ParagraphStatus,
  Role,
  SessionState,
} from './schemas';

export type { CommandType } from './commandRules';

/** What a client sends as the `cmd` event. `id` is made by the client so a retry applies once. */
export const CommandEnvelope = z.object({
  id: z.string().min(8).max(64),
  type: z.string().min(1).max(64),
  payload: z.unknown().optional(),
});
export type CommandEnvelope = z.infer<typeof CommandEnvelope>;

export type Ack<R = unknown> = { ok: true; result?: R } | { ok: false; error: ErrorBody };

const itemId = z.string().min(1).max(64);
const onItem = z.object({ itemId }).strict();
const cbmId = z.string().min(1).max(64);
/** A delegate speaks for their own delegation (named or not); the chair names the delegation. */
const forDelegation = z.object({ itemId, delegation: DelegationId.optional() }).strict();

const oneDelegationForDelegates = [
  (p: { role: string; delegation?: string | undefined }) => (p.role === 'delegate') === (p.delegation !== undefined),
  'name the delegation of a delegate invite, and none for another role',
] as const;
/** An invite link the chair may revoke: the observers' or a delegation's (R9). */
export const InviteRef = z
  .object({ role: z.enum(['observer', 'delegate']), delegation: DelegationId.optional() })
  .strict()
  .refine(...oneDelegationForDelegates);
/** An invite link the admin key may revoke: any, the chair's too. */
export const AdminInviteRef = z
  .object({ role: Role, delegation: DelegationId.optional() })
  .strict()
  .refine(...oneDelegationForDelegates);

/** The shape of each command's payload (who may send it: `COMMAND_RULES`). */
const PAYLOADS = {
  'session.setState': z.object({ state: SessionState }).strict(),

  'agenda.add': z
    .object({
      title: ItemFields.title,
      description: ItemFields.description.optional(),
      durationMin: ItemFields.durationMin.optional(),
      /** id of the item to insert after; at the end when absent */
      after: itemId.optional(),
    })
    .strict(),
  'agenda.update': z
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
  'agenda.move': z.object({ itemId, toIndex: z.number().int().min(0) }).strict(),
  'agenda.remove': onItem,
  'agenda.open': onItem,
  'agenda.close': onItem,
  'agenda.defer': onItem,

  'speakers.request': forDelegation,
  'speakers.withdraw': forDelegation,
  'speakers.pointOfOrder': forDelegation,
  'speakers.next': onItem,
  'speakers.giveFloor': z.object({ itemId, delegation: DelegationId }).strict(),
  'speakers.remove': z.object({ itemId, delegation: DelegationId }).strict(),
  'speakers.endSpeech': onItem,
  'speakers.close': onItem,
  'speakers.reopen': onItem,

  'timer.pause': z.object({}).strict(),
  'timer.resume': z.object({}).strict(),
  'timer.extend': z.object({ seconds: z.number().int().min(1).max(3600) }).strict(),

  'paragraph.setStatus': z.object({ paragraphId: z.string().min(1).max(64), status: ParagraphStatus }).strict(),
  'comment.add': z
    .object({
      paragraphId: z.string().min(1).max(64),
      text: z.string().trim().min(1).max(4000),
      replyTo: z.string().min(1).max(64).optional(),
    })
    .strict(),
  // renumber (default on): the revision fixes PP1…, OP1… afresh in the order of its text (E5)
  'revision.create': z.object({ label: z.string().trim().min(1).max(100).optional(), renumber: z.boolean().optional() }).strict(),
  'silence.start': z
    .object({
      /** server time, ms since epoch */
      deadline: z.number().int().positive(),
      paragraphIds: z.array(z.string().min(1).max(64)).min(1).max(500).optional(),
      /** the chair has been told that some of the paragraphs hold brackets and starts it anyway */
      overBrackets: z.boolean().optional(),
    })
    .strict(),
  'silence.withdraw': z.object({}).strict(),
  'silence.break': z.object({ reason: z.string().trim().min(1).max(2000) }).strict(),
  'cbm.propose': z
    .object({ title: CbmFields.title, description: CbmFields.description, theme: CbmTheme, itemId: itemId.optional() })
    .strict(),
  'cbm.edit': z
    .object({
      cbmId,
      title: CbmFields.title.optional(),
      description: CbmFields.description.optional(),
      theme: CbmTheme.optional(),
      itemId: itemId.nullable().optional(),
    })
    .strict()
    .refine((p) => Object.keys(p).length > 1, 'name at least one field to change'),
  'cbm.cosponsor': z.object({ cbmId }).strict(),
  'cbm.uncosponsor': z.object({ cbmId }).strict(),
  'cbm.setState': z.object({ cbmId, state: CbmState }).strict(),
  'cbm.comment': z.object({ cbmId, text: z.string().trim().min(1).max(4000) }).strict(),
  'commitment.add': z.object({ cbmId, action: CbmFields.action, deadline: CbmFields.deadline.optional() }).strict(),
  'commitment.update': z
    .object({
      commitmentId: z.string().min(1).max(64),
      status: CommitmentStatus.optional(),
      progress: CbmFields.progress.optional(),
      note: CbmFields.note.optional(),
    })
    .strict()
    .refine((p) => Object.keys(p).length > 1, 'name at least one of status, progress, note'),
  'attendance.mark': z.object({ delegation: DelegationId, present: z.boolean() }).strict(),
  'focus.set': z
    .object({ paragraphId: z.string().min(1).max(64).optional(), cbmId: z.string().min(1).max(64).optional() })
    .strict()
    .refine((p) => !(p.paragraphId && p.cbmId), 'focus on a paragraph or a measure, not both'),
  'comment.resolve': z.object({ commentId: z.string().min(1).max(64) }).strict(),
  // a delegation's or the observers' link; the chair's own only with the admin key (R9)
  'invite.revoke': InviteRef,
} satisfies Record<CommandType, z.ZodType>;

/** Every command the server knows: who may send it and the shape of its payload. */
export const COMMANDS = Object.fromEntries(
  Object.entries(COMMAND_RULES).map(([type, rule]) => [type, { ...rule, payload: PAYLOADS[type as CommandType] }]),
) as { readonly [T in CommandType]: CommandRule & { payload: (typeof PAYLOADS)[T] } };

export type CommandPayload<T extends CommandType> = z.infer<(typeof PAYLOADS)[T]>;
