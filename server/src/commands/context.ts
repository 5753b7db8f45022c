import type * as Y from 'yjs';
import type { Actor, CommandPayload, CommandType } from '@plenary/shared';

/** What a handler sees: the sitting's session doc (inside one transaction), who acts, and when. */
export interface CommandContext {
  doc: Y.Doc;
  /** the sitting's communiqué, for the commands that read it */
  communique?: Y.Doc;
  actor: Actor;
  now: number;
  /** what the command's preparation did outside the doc, before it (see `Preparations`) */
  prepared?: unknown;
}

/**
 * Work a command does outside the sitting's docs before its handler runs (revoking an invite in the
 * registry): run once per command id, its result handed to the handler as `prepared`.
 */
export type Preparations = { [T in CommandType]?: (actor: Actor, payload: CommandPayload<T>) => Promise<unknown> };

/**
 * Applies one command. Validate first, then write: a handler that throws must not have changed
 * the doc, because a Yjs transaction cannot be rolled back.
 */
export type Handler<T extends CommandType> = (ctx: CommandContext, payload: CommandPayload<T>) => unknown;

export type HandlerMap = { [T in CommandType]: Handler<T> };
