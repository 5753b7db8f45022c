import type { AgendaItemView, Delegation, SessionState } from '@plenary/shared';
import { itemClock, moreWaiting, nextSpeakers, sittingStateNote, upcomingItem } from '../../lib/sittingNow';
import { CurrentSpeaker } from '../CurrentSpeaker';
import { useTranslation } from 'react-i18next';
import { num } from '../../i18n/locale';

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
  const { t } = useTranslation();
  const note = sittingStateNote(state);
  const upcoming = item ? null : upcomingItem(agenda);
  const next = nextSpeakers(item, delegations, 3);
  const more = moreWaiting(item, 3);
  return (
    <section className="obs-now" aria-label={t('observer.now')}>
      {note && (
        <p className="obs-now__state" data-testid="observer-state" data-state={state}>
          {note}
        </p>
      )}
      {item ? (
        <ItemLine item={item} count={agenda.length} now={now} />
      ) : (
        <div className="obs-item obs-item--none" data-testid="observer-item" data-item-id="">
          <p className="obs-label">{t('workspace.agenda')}</p>
          <p className="obs-item__title">{agenda.length === 0 ? t('observer.noItem') : t('observer.noItemNow')}</p>
          {upcoming && (
            <p className="obs-item__time">
              {t('observer.next', { number: num(upcoming.number), title: upcoming.title })}
            </p>
          )}
        </div>
      )}
      {item && (
        <div className="obs-floor">
          <div className="obs-floor__speaker">
            <p className="obs-label">{t('observer.speakingNow')}</p>
            {item.floor ? (
              <CurrentSpeaker item={item} floor={item.floor} delegations={delegations} now={now} me={me} />
            ) : (
              <p className="obs-floor__none" data-testid="observer-no-speaker">
                {t('speakers.noFloor')}
              </p>
            )}
          </div>
          <div className="obs-floor__next">
            <p className="obs-label">
              {t('observer.nextToSpeak')}
              {item.speakersClosed && <span className="obs-chip">{t('agenda.listClosed')}</span>}
            </p>
            <ol className="obs-next" data-testid="observer-next-speakers" data-count={next.length}>
              {next.map((s, i) => (
                <li key={s.delegation} className="obs-next__row" data-delegation={s.delegation} data-point-of-order={s.pointOfOrder}>
                  <span className="obs-next__place">{num(i + 1)}</span>
                  <span className="obs-dot" style={{ background: s.color }} aria-hidden="true" />
                  <span className="obs-next__name">{s.name}</span>
                  {s.pointOfOrder && (
                    <span className="obs-next__order">
                      <span aria-hidden="true">⚑</span> {t('speaker.pointOfOrder')}
                    </span>
                  )}
                </li>
              ))}
              {next.length === 0 && <li className="obs-next__empty">{t('speakers.nobodyWaiting')}</li>}
            </ol>
            {more > 0 && <p className="obs-next__more">{t('observer.more', { n: num(more) })}</p>}
          </div>
        </div>
      )}
    </section>
  );
}

function ItemLine({ item, count, now }: { item: AgendaItemView; count: number; now: number }) {
  const { t } = useTranslation();
  const clock = itemClock(item, now);
  return (
    <div className="obs-item" data-testid="observer-item" data-item-id={item.id} data-used-ms={Math.round(clock.usedMs)} data-over={clock.over}>
      <p className="obs-label">
        {t('observer.nowOnAgenda', { number: num(item.number), count: num(count) })}
      </p>
      <h2 className="obs-item__title">{item.title}</h2>
      <div className="obs-item__time" data-over={clock.over}>
        {clock.ratio !== null && (
          <span className="obs-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(clock.ratio * 100)} aria-label={t('observer.plannedShare')}>
            <span className="obs-bar__fill" style={{ inlineSize: `${clock.ratio * 100}%` }} />
          </span>
        )}
        <span>
          {clock.text}
          {clock.over && <strong className="obs-over"> {t('observer.overTime')}</strong>}
        </span>
      </div>
    </div>
  );
}
