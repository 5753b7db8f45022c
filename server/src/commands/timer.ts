import { extendTimer, openItemWithFloor, pauseTimer, resumeTimer, type Floor } from '@plenary/shared';
import type { CommandContext, Handler } from './context';
import { agendaOf, itemMap } from './agendaDoc';

/** The timer is always the open item's current speech. */
function updateFloor(ctx: CommandContext, change: (floor: Floor) => Floor): void {
  const item = openItemWithFloor(agendaOf(ctx).items);
  itemMap(ctx, item.id).set('floor', change(item.floor!));
}

export const pause: Handler<'timer.pause'> = (ctx) => updateFloor(ctx, (f) => pauseTimer(f, ctx.now));
export const resume: Handler<'timer.resume'> = (ctx) => updateFloor(ctx, (f) => resumeTimer(f, ctx.now));
export const extend: Handler<'timer.extend'> = (ctx, { seconds }) => updateFloor(ctx, (f) => extendTimer(f, seconds));
