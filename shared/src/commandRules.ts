import { can, type Right, type Role } from './roles';

/** Who may send a command, and what it does in plain words. */
export interface CommandRule {
  /** the right a sender needs */
  right: Right;
  /** in plain words, for error messages: "Only the chair can <verb>" */
  verb: string;
  /** sent by a delegation for itself only, not by the chair */
  delegationOnly?: boolean;
}

/**
 * Every command the server knows and who may send it, as plain data: the browser's first load
 * has the commands' names and words without zod. The payloads' schemas are in `commands.ts`.
 */
const RULES = {
  'session.setState': { right: 'preside', verb: 'change the state of the sitting' },

  'agenda.add': { right: 'preside', verb: 'add agenda items' },
  'agenda.update': { right: 'preside', verb: 'edit agenda items' },
  'agenda.move': { right: 'preside', verb: 'reorder the agenda' },
  'agenda.remove': { right: 'preside', verb: 'remove agenda items' },
  'agenda.open': { right: 'preside', verb: 'open an agenda item' },
  'agenda.close': { right: 'preside', verb: 'close an agenda item' },
  'agenda.defer': { right: 'preside', verb: 'defer an agenda item' },

  'speakers.request': { right: 'participate', verb: 'request the floor' },
  'speakers.withdraw': { right: 'participate', verb: 'withdraw from the list of speakers' },
  'speakers.pointOfOrder': { right: 'participate', verb: 'raise a point of order' },
  'speakers.next': { right: 'preside', verb: 'give the floor' },
  'speakers.giveFloor': { right: 'preside', verb: 'give the floor' },
  'speakers.remove': { right: 'preside', verb: 'remove a speaker from the list' },
  'speakers.endSpeech': { right: 'preside', verb: 'end a speech' },
  'speakers.close': { right: 'preside', verb: 'close the list of speakers' },
  'speakers.reopen': { right: 'preside', verb: 'reopen the list of speakers' },

  'timer.pause': { right: 'preside', verb: 'pause the speaking timer' },
  'timer.resume': { right: 'preside', verb: 'resume the speaking timer' },
  'timer.extend': { right: 'preside', verb: 'extend the speaking time' },

  'paragraph.setStatus': { right: 'preside', verb: 'set the status of a paragraph' },
  'comment.add': { right: 'participate', verb: 'comment' },
  'revision.create': { right: 'preside', verb: 'issue a revision' },
  'silence.start': { right: 'preside', verb: 'start a silence procedure' },
  'silence.break': { right: 'participate', verb: 'break silence', delegationOnly: true },
  'silence.withdraw': { right: 'preside', verb: 'withdraw a silence procedure' },
  'cbm.propose': { right: 'participate', verb: 'propose a measure' },
  'cbm.edit': { right: 'participate', verb: 'edit a measure' },
  'cbm.cosponsor': { right: 'participate', verb: 'co-sponsor a measure', delegationOnly: true },
  'cbm.uncosponsor': { right: 'participate', verb: 'stop co-sponsoring a measure', delegationOnly: true },
  'cbm.setState': { right: 'participate', verb: 'change the state of a measure' },
  'cbm.comment': { right: 'participate', verb: 'comment on a measure' },
  'commitment.add': { right: 'participate', verb: 'record a commitment', delegationOnly: true },
  'commitment.update': { right: 'participate', verb: 'update a commitment' },
  'attendance.mark': { right: 'preside', verb: 'mark attendance' },
  'focus.set': { right: 'preside', verb: 'set the focus of the room screen' },
  'comment.resolve': { right: 'participate', verb: 'resolve comments' },
  'invite.revoke': { right: 'preside', verb: 'revoke an invite link' },
} satisfies Record<string, CommandRule>;

export type CommandType = keyof typeof RULES;
export const COMMAND_RULES: Readonly<Record<CommandType, CommandRule>> = RULES;

/** Whether a role may send a command at all (delegates are further limited to their own delegation). */
export function mayCommand(role: Role, type: CommandType): boolean {
  const rule = COMMAND_RULES[type];
  return can(role, rule.right) && !(rule.delegationOnly && role !== 'delegate');
}

export function isCommandType(type: string): type is CommandType {
  return Object.hasOwn(COMMAND_RULES, type);
}
