import type { Delegation, PresenceEntry } from '@plenary/shared';
import { ROLE_LABEL } from '../lib/format';
import { presenceRows } from '../lib/presence';
import './PresenceList.css';

/** Who is in the room: one line per delegation (however many tabs), the chair, observers. */
export function PresenceList({ entries, delegations }: { entries: PresenceEntry[]; delegations: Delegation[] }) {
  const rows = presenceRows(entries, delegations);
  return (
    <div className="presence">
      <h2 className="panel-heading">
        Here <span className="presence__count">{rows.length}</span>
      </h2>
      <ul className="presence__list" data-testid="presence-list">
        {rows.map((r) => (
          <li key={r.key} className="presence__row" data-testid="presence-entry" data-key={r.key} data-role={r.role}>
            <span className="presence__dot" style={{ background: r.color }} aria-hidden="true" />
            <span className="presence__name" title={r.short ? `${r.name} (${r.short})` : r.name}>
              {r.name}
            </span>
            <span className="presence__role">
              {ROLE_LABEL[r.role]}
              {r.connections > 1 && <span> · {r.connections} tabs</span>}
            </span>
          </li>
        ))}
        {rows.length === 0 && <li className="presence__empty">Nobody yet.</li>}
      </ul>
    </div>
  );
}
