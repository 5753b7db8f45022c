import * as rules from '@plenary/shared';
import type { Handler } from './context';
import { agendaOf, applyPatch, itemMap, speakingFor } from './agendaDoc';

export const request: Handler<'speakers.request'> = (ctx, { itemId, delegation }) => {
  const patch = rules.requestFloor(agendaOf(ctx).items, itemId, speakingFor(ctx, delegation), ctx.now);
  applyPatch(itemMap(ctx, itemId), patch);
};

export const withdraw: Handler<'speakers.withdraw'> = (ctx, { itemId, delegation }) => {
  const patch = rules.withdraw(agendaOf(ctx).items, itemId, speakingFor(ctx, delegation));
  applyPatch(itemMap(ctx, itemId), patch);
};

export const pointOfOrder: Handler<'speakers.pointOfOrder'> = (ctx, { itemId, delegation }) => {
  const patch = rules.pointOfOrder(agendaOf(ctx).items, itemId, speakingFor(ctx, delegation), ctx.now);
  applyPatch(itemMap(ctx, itemId), patch);
};

export const next: Handler<'speakers.next'> = (ctx, { itemId }) => {
  applyPatch(itemMap(ctx, itemId), rules.nextSpeaker(agendaOf(ctx).items, itemId, ctx.now));
};

export const giveFloor: Handler<'speakers.giveFloor'> = (ctx, { itemId, delegation }) => {
  applyPatch(itemMap(ctx, itemId), rules.giveFloor(agendaOf(ctx).items, itemId, delegation, ctx.now));
};

export const remove: Handler<'speakers.remove'> = (ctx, { itemId, delegation }) => {
  applyPatch(itemMap(ctx, itemId), rules.withdraw(agendaOf(ctx).items, itemId, delegation));
};

export const endSpeech: Handler<'speakers.endSpeech'> = (ctx, { itemId }) => {
  applyPatch(itemMap(ctx, itemId), rules.endSpeech(agendaOf(ctx).items, itemId, ctx.now));
};

export const close: Handler<'speakers.close'> = (ctx, { itemId }) => {
  applyPatch(itemMap(ctx, itemId), rules.setListClosed(agendaOf(ctx).items, itemId, true));
};

export const reopen: Handler<'speakers.reopen'> = (ctx, { itemId }) => {
  applyPatch(itemMap(ctx, itemId), rules.setListClosed(agendaOf(ctx).items, itemId, false));
};
