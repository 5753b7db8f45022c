import * as Y from 'yjs';
import { PlenaryError, readAgenda, sessionAgenda, sessionDelegations, type AgendaItem, type ItemPatch } from '@plenary/shared';
import type { CommandContext } from './context';

/** The agenda as plain values, with the Y.Map behind each item, for one command. */
export function agendaOf(ctx: CommandContext): { items: AgendaItem[]; maps: Y.Map<unknown>[]; array: Y.Array<Y.Map<unknown>> } {
  const array = sessionAgenda(ctx.doc);
  return { items: readAgenda(ctx.doc), maps: array.toArray(), array };
}

export function itemMap(ctx: CommandContext, itemId: string): Y.Map<unknown> {
  const map = sessionAgenda(ctx.doc)
    .toArray()
    .find((m) => m.get('id') === itemId);
  if (!map) throw PlenaryError.of('NOT_FOUND', 'noSuchItem', { id: itemId });
  return map;
}

/** Writes a patch: `null` deletes a field, `undefined` leaves it. */
export function applyPatch(map: Y.Map<unknown>, patch: ItemPatch): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) map.delete(key);
    else if (value !== undefined) map.set(key, value);
  }
}

export function newItemMap(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) map.set(k, v);
  return map;
}

/**
 * The delegation a floor request is for: a delegate's own (naming another is refused), or the
 * one the chair names, who may put any invited delegation on the list.
 */
export function speakingFor(ctx: CommandContext, named: string | undefined): string {
  if (ctx.actor.role === 'delegate') {
    if (named !== undefined && named !== ctx.actor.delegation) {
      throw PlenaryError.of('FORBIDDEN', 'ownDelegationOnly');
    }
    return ctx.actor.delegation!;
  }
  if (named === undefined) throw new PlenaryError('INVALID', 'payload.delegation: the chair names the delegation');
  if (!sessionDelegations(ctx.doc).toArray().some((d) => d.id === named)) {
    throw PlenaryError.of('NOT_FOUND', 'delegationNotInvited', { delegation: named });
  }
  return named;
}
