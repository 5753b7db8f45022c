import {
  checkMove,
  checkRemovable,
  closeItem,
  deferItem,
  newId,
  openItem,
  PlenaryError,
  type AgendaItemState,
} from '@plenary/shared';
import type { Handler } from './context';
import { agendaOf, applyPatch, itemMap, newItemMap } from './agendaDoc';
import { presentDelegations, recordAttendees } from './attendance';

export const add: Handler<'agenda.add'> = (ctx, { title, description, durationMin, after }) => {
  const { items, array } = agendaOf(ctx);
  let at = items.length;
  if (after !== undefined) {
    const index = items.findIndex((i) => i.id === after);
    if (index < 0) throw PlenaryError.of('NOT_FOUND', 'noSuchItemToAddAfter', { id: after });
    at = index + 1;
  }
  const id = newId('i-');
  array.insert(at, [newItemMap({ id, title, description, durationMin, state: 'pending' satisfies AgendaItemState })]);
  return { id };
};

export const update: Handler<'agenda.update'> = (ctx, { itemId, ...fields }) => {
  applyPatch(itemMap(ctx, itemId), fields);
};

export const move: Handler<'agenda.move'> = (ctx, { itemId, toIndex }) => {
  const { items, maps, array } = agendaOf(ctx);
  const from = checkMove(items, itemId, toIndex);
  if (from === toIndex) return;
  // a Yjs type cannot be moved: the item is copied to its new place
  const copy = newItemMap(maps[from]!.toJSON());
  array.delete(from, 1);
  array.insert(toIndex, [copy]);
};

export const remove: Handler<'agenda.remove'> = (ctx, { itemId }) => {
  const { items, array } = agendaOf(ctx);
  checkRemovable(items, itemId);
  array.delete(items.findIndex((i) => i.id === itemId), 1);
};

export const open: Handler<'agenda.open'> = (ctx, { itemId }) => {
  const { items, maps } = agendaOf(ctx);
  const patches = openItem(items, itemId, ctx.now);
  items.forEach((item, i) => {
    const patch = patches.get(item.id);
    if (patch) applyPatch(maps[i]!, patch);
  });
  recordAttendees(ctx.doc, presentDelegations(ctx.doc));
};

export const close: Handler<'agenda.close'> = (ctx, { itemId }) => {
  const patch = closeItem(agendaOf(ctx).items, itemId, ctx.now);
  applyPatch(itemMap(ctx, itemId), patch);
};

export const defer: Handler<'agenda.defer'> = (ctx, { itemId }) => {
  const patch = deferItem(agendaOf(ctx).items, itemId, ctx.now);
  applyPatch(itemMap(ctx, itemId), patch);
};
