import type { AgendaItem } from '@plenary/shared';
import type { Commands } from '../hooks/useCommands';
import { floorButtons } from '../lib/speakers';

/** A delegate's own buttons: request the floor, raise a point of order, withdraw. */
export function DelegateFloorButtons({ item, delegation, commands }: { item: AgendaItem; delegation: string; commands: Commands }) {
  const b = floorButtons(item, delegation);
  const itemId = item.id;
  const pending = (k: string) => commands.isPending(k);
  return (
    <div className="delegate-floor">
      {b.speaking && <p className="delegate-floor__note delegate-floor__note--live">You have the floor.</p>}
      {b.place !== null && (
        <p className="delegate-floor__note" data-testid="my-place">
          You are number {b.place} on the list.
        </p>
      )}
      <div className="speakers__controls">
        {b.request === 'show' && (
          <button
            type="button"
            className="speakers__button speakers__button--primary speakers__button--wide"
            data-testid="request-floor"
            title="Ask to be put on the list of speakers"
            aria-busy={pending('speakers.request')}
            disabled={pending('speakers.request')}
            onClick={() => void commands.run('speakers.request', { itemId })}
          >
            Request the floor
          </button>
        )}
        {b.request === 'closed' && (
          <span className="delegate-floor__closed" data-testid="list-closed">
            List closed
          </span>
        )}
        {b.pointOfOrder && (
          <button
            type="button"
            className="speakers__button"
            data-testid="point-of-order"
            title="Raise a point of order: you go to the front of the list"
            aria-busy={pending('speakers.pointOfOrder')}
            disabled={pending('speakers.pointOfOrder')}
            onClick={() => void commands.run('speakers.pointOfOrder', { itemId })}
          >
            <span aria-hidden="true">⚑</span> Point of order
          </button>
        )}
        {b.withdraw && (
          <button
            type="button"
            className="speakers__button speakers__button--quiet"
            data-testid="withdraw-floor"
            title="Take your delegation off the list of speakers"
            aria-busy={pending('speakers.withdraw')}
            disabled={pending('speakers.withdraw')}
            onClick={() => void commands.run('speakers.withdraw', { itemId })}
          >
            Withdraw
          </button>
        )}
      </div>
    </div>
  );
}
