import type { AgendaItem, Delegation } from '@plenary/shared';
import type { Commands } from '../hooks/useCommands';
import { delegationInfo, spokenAgainstBudget } from '../lib/speakers';

interface Props {
  item: AgendaItem;
  delegations: Delegation[];
  now: number;
  preside: boolean;
  commands: Commands;
  me: string | undefined;
}

/** The list of speakers in order; points of order first, marked. */
export function SpeakerQueue({ item, delegations, now, preside, commands, me }: Props) {
  const queue = item.queue ?? [];
  return (
    <ol className="speakers-queue" data-testid="speakers-queue" aria-label="List of speakers">
      {queue.map((e, i) => {
        const d = delegationInfo(delegations, e.delegation);
        const spent = spokenAgainstBudget(item, e.delegation, now);
        const give = `speakers.giveFloor:${e.delegation}`;
        const remove = `speakers.remove:${e.delegation}`;
        return (
          <li
            key={e.delegation}
            className="speaker-entry"
            data-testid="speaker-entry"
            data-delegation={e.delegation}
            data-point-of-order={e.pointOfOrder}
            data-mine={me === e.delegation || undefined}
          >
            <span className="speaker-entry__place">{i + 1}</span>
            <span className="speakers__dot" style={{ background: d.color }} aria-hidden="true" />
            <span className="speaker-entry__main">
              <span className="speaker-entry__name">
                {d.name}
                {me === e.delegation && <span className="speakers__you">you</span>}
              </span>
              <span className="speaker-entry__meta">
                {e.pointOfOrder && (
                  <span className="speakers__order">
                    <span aria-hidden="true">⚑</span> point of order
                  </span>
                )}
                <span
                  className="speaker-entry__spent"
                  data-over={spent.over}
                  title={item.budgetSec !== undefined ? 'Spoken on this item / budget' : 'Spoken on this item'}
                >
                  {spent.text}
                  {item.budgetSec === undefined ? ' spoken' : ''}
                </span>
              </span>
            </span>
            {preside && (
              <span className="speaker-entry__actions">
                <button
                  type="button"
                  className="speakers__button speakers__button--small"
                  data-testid="give-floor"
                  title={`Give the floor to ${d.name}`}
                  aria-busy={commands.isPending(give)}
                  disabled={commands.isPending(give)}
                  onClick={() => void commands.run('speakers.giveFloor', { itemId: item.id, delegation: e.delegation }, give)}
                >
                  Give floor
                </button>
                <button
                  type="button"
                  className="speakers__button speakers__button--small speakers__button--quiet"
                  data-testid="remove-speaker"
                  title={`Take ${d.name} off the list`}
                  aria-label={`Remove ${d.name} from the list`}
                  aria-busy={commands.isPending(remove)}
                  disabled={commands.isPending(remove)}
                  onClick={() => void commands.run('speakers.remove', { itemId: item.id, delegation: e.delegation }, remove)}
                >
                  ✕
                </button>
              </span>
            )}
          </li>
        );
      })}
      {queue.length === 0 && <li className="speakers-queue__empty">No one is waiting to speak.</li>}
    </ol>
  );
}
