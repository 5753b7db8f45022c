import type { AgendaItem, Delegation } from '@plenary/shared';
import { timeSpokenRows } from '../lib/speakers';
import { formatSpoken } from '../lib/timerDisplay';

/** Per-delegation speaking time over the sitting, folded away until asked for. */
export function TimeSpoken({ items, delegations, open, now }: { items: AgendaItem[]; delegations: Delegation[]; open: AgendaItem | null; now: number }) {
  const rows = timeSpokenRows(items, delegations, open, now);
  return (
    <details className="time-spoken" data-testid="time-spoken">
      <summary>
        Time spoken <span className="time-spoken__count">({rows.length})</span>
      </summary>
      {rows.length === 0 ? (
        <p className="time-spoken__empty">No one has spoken yet.</p>
      ) : (
        <table className="time-spoken__table">
          <thead>
            <tr>
              <th scope="col">Delegation</th>
              {open && <th scope="col">This item</th>}
              <th scope="col">Sitting</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.delegation} data-delegation={r.delegation}>
                <th scope="row">
                  <span className="speakers__dot" style={{ background: r.color }} aria-hidden="true" /> {r.name}
                </th>
                {open && <td>{formatSpoken(r.itemMs)}</td>}
                <td>{formatSpoken(r.sittingMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
