import type { AgendaItemView, Delegation, SessionState } from '@plenary/shared';
import { itemClock, moreWaiting, nextSpeakers, sittingStateNote, upcomingItem } from '../../lib/sittingNow';
import { CurrentSpeaker } from '../CurrentSpeaker';

interface Props {
  state: SessionState;
  agenda: AgendaItemView[];
  item: AgendaItemView | null;
  delegations: Delegation[];
  now: number;
  me: string | undefined;
}

/** The top of the observer view: the open item with its time, who speaks, who is next. */
export function ObserverNow({ state, agenda, item, delegations, now, me }: Props) {
  const note = sittingStateNote(state);
  const upcoming = item ? null : upcomingItem(agenda);
  const next = nextSpeakers(item, delegations, 3);
  const more = moreWaiting(item, 3);
  return (
    <section className="obs-now" aria-label="Now">
      {note && (
        <p className="obs-now__state" data-testid="observer-state" data-state={state}>
          {note}
        </p>
      )}
      {item ? (
        <ItemLine item={item} count={agenda.length} now={now} />
      ) : (
        <div className="obs-item obs-item--none" data-testid="observer-item" data-item-id="">
          <p className="obs-label">Agenda</p>
          <p className="obs-item__title">No item is open{agenda.length === 0 ? '.' : ' right now.'}</p>
          {upcoming && (
            <p className="obs-item__time">
              Next: item {upcoming.number} — {upcoming.title}
            </p>
          )}
        </div>
      )}
      {item && (
        <div className="obs-floor">
          <div className="obs-floor__speaker">
            <p className="obs-label">Speaking now</p>
            {item.floor ? (
              <CurrentSpeaker item={item} floor={item.floor} delegations={delegations} now={now} me={me} />
            ) : (
              <p className="obs-floor__none" data-testid="observer-no-speaker">
                No one has the floor.
              </p>
            )}
          </div>
          <div className="obs-floor__next">
            <p className="obs-label">
              Next to speak{item.speakersClosed && <span className="obs-chip">list closed</span>}
            </p>
            <ol className="obs-next" data-testid="observer-next-speakers" data-count={next.length}>
              {next.map((s, i) => (
                <li key={s.delegation} className="obs-next__row" data-delegation={s.delegation} data-point-of-order={s.pointOfOrder}>
                  <span className="obs-next__place">{i + 1}</span>
                  <span className="obs-dot" style={{ background: s.color }} aria-hidden="true" />
                  <span className="obs-next__name">{s.name}</span>
                  {s.pointOfOrder && (
                    <span className="obs-next__order">
                      <span aria-hidden="true">⚑</span> point of order
                    </span>
                  )}
                </li>
              ))}
              {next.length === 0 && <li className="obs-next__empty">No one is waiting to speak.</li>}
            </ol>
            {more > 0 && <p className="obs-next__more">and {more} more on the list</p>}
          </div>
        </div>
      )}
    </section>
  );
}

function ItemLine({ item, count, now }: { item: AgendaItemView; count: number; now: number }) {
  const clock = itemClock(item, now);
  return (
    <div className="obs-item" data-testid="observer-item" data-item-id={item.id} data-used-ms={Math.round(clock.usedMs)} data-over={clock.over}>
      <p className="obs-label">
        Now on the agenda · item {item.number} of {count}
      </p>
      <h2 className="obs-item__title">{item.title}</h2>
      <div className="obs-item__time" data-over={clock.over}>
        {clock.ratio !== null && (
          <span className="obs-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(clock.ratio * 100)} aria-label="Share of the planned time used">
            <span className="obs-bar__fill" style={{ inlineSize: `${clock.ratio * 100}%` }} />
          </span>
        )}
        <span>
          {clock.text}
          {clock.over && <strong className="obs-over"> · over time</strong>}
        </span>
      </div>
    </div>
  );
}
