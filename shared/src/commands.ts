import { z } from 'zod';
import type { Right } from './roles';
import { ErrorBody } from './errors';
import { SessionState } from './session';

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
}

function command<P extends z.ZodType>(spec: CommandSpec<P>): CommandSpec<P> {
  return spec;
}

/** Every command the server knows: who may send it and the shape of its payload. */
export const COMMANDS = {
  'session.setState': command({
    right: 'preside',
    verb: 'change the state of the sitting',
    payload: z.object({ state: SessionState }).strict(),
  }),
} as const;

export type CommandType = keyof typeof COMMANDS;
export type CommandPayload<T extends CommandType> = z.infer<(typeof COMMANDS)[T]['payload']>;

export function isCommandType(type: string): type is CommandType {
  return Object.hasOwn(COMMANDS, type);
}
