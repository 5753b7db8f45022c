import type { Delegation, PresenceEntry } from '@plenary/shared';
import { ROLE_LABEL, roleAsName } from '../lib/format';
import { presenceRows } from '../lib/presence';
import { useTranslation } from 'react-i18next';
import { localDigits } from '../i18n/locale';
import './PresenceList.css';

/** Who is in the room: one line per delegation (however many tabs), the chair, observers. */
export function PresenceList({ entries, delegations }: { entries: PresenceEntry[]; delegations: Delegation[] }) {
  const { t } = useTranslation();
  const rows = presenceRows(entries, delegations);
  return (
    <div className="presence">
      <h2 className="panel-heading">
        {t('presence.here')} <span className="presence__count">{localDigits(String(rows.length))}</span>
      </h2>
      <ul className="presence__list" data-testid="presence-list">
        {rows.map((r) => (
          <li key={r.key} className="presence__row" data-testid="presence-entry" data-key={r.key} data-role={r.role}>
            <span className="presence__dot" style={{ background: r.color }} aria-hidden="true" />
            <span className="presence__name" title={r.short ? `${r.name} (${r.short})` : r.name}>
              {/* the chair and observers are named by their role, in the reader's words */}
              {r.role === 'delegate' ? r.name : roleAsName(r.role)}
            </span>
            <span className="presence__role">
              {r.role === 'delegate' && ROLE_LABEL[r.role]}
              {r.connections > 1 && (
                <span>
                  {r.role === 'delegate' && ' · '}
                  {t('presence.tabs', { n: localDigits(String(r.connections)) })}
                </span>
              )}
            </span>
          </li>
        ))}
        {rows.length === 0 && <li className="presence__empty">{t('presence.nobody')}</li>}
      </ul>
    </div>
  );
}
