import type { AgendaItem } from '@plenary/shared';
import { AGENDA_STATE_LABEL, formatMinutes } from '../lib/format';
import './Agenda.css';

const MARK: Record<AgendaItem['state'], string> = { pending: '', open: '▶', closed: '✓', deferred: '↷' };

/** The agenda, read-only for now: number, title, planned time and the state of each item. */
export function Agenda({ items }: { items: AgendaItem[] | null }) {
  return (
    <div className="agenda" data-testid="agenda">
      <h2 className="panel-heading">Agenda</h2>
      {items === null ? (
        <p className="agenda__empty">Loading…</p>
      ) : items.length === 0 ? (
        <p className="agenda__empty">No items on the agenda yet.</p>
      ) : (
        <ol className="agenda__list">
          {items.map((item, i) => (
            <li key={item.id} className={`agenda__item agenda__item--${item.state}`} data-testid="agenda-item" data-state={item.state} aria-current={item.state === 'open' ? 'step' : undefined}>
              <span className="agenda__number">{i + 1}</span>
              <span className="agenda__body">
                <span className="agenda__title">{item.title}</span>
                <span className="agenda__meta">
                  {item.state !== 'pending' && (
                    <span className="agenda__state">
                      <span aria-hidden="true">{MARK[item.state]} </span>
                      {AGENDA_STATE_LABEL[item.state]}
                    </span>
                  )}
                  {item.durationMin !== undefined && <span className="agenda__duration">{formatMinutes(item.durationMin)}</span>}
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
