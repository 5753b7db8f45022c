import type * as Y from 'yjs';
import type { Actor, CommandPayload, CommandType } from '@plenary/shared';

/** What a handler sees: the sitting's session doc (inside one transaction), who acts, and when. */
export interface CommandContext {
  doc: Y.Doc;
  /** the sitting's communiqué, for the commands that read it */
  communique?: Y.Doc;
  actor: Actor;
  now: number;
}

/**
 * Applies one command. Validate first, then write: a handler that throws must not have changed
 * the doc, because a Yjs transaction cannot be rolled back.
 */
export type Handler<T extends CommandType> = (ctx: CommandContext, payload: CommandPayload<T>) => unknown;

export type HandlerMap = { [T in CommandType]: Handler<T> };
