import type { AgendaItem, Delegation } from '@plenary/shared';
import { timeSpokenRows } from '../lib/speakers';
import { formatSpoken } from '../lib/timerDisplay';
import { useTranslation } from 'react-i18next';
import { localDigits } from '../i18n/locale';

/** Per-delegation speaking time over the sitting, folded away until asked for. */
export function TimeSpoken({ items, delegations, open, now }: { items: AgendaItem[]; delegations: Delegation[]; open: AgendaItem | null; now: number }) {
  const { t } = useTranslation();
  const rows = timeSpokenRows(items, delegations, open, now);
  return (
    <details className="time-spoken" data-testid="time-spoken">
      <summary>
        {t('timeSpoken.title')} <span className="time-spoken__count">({localDigits(String(rows.length))})</span>
      </summary>
      {rows.length === 0 ? (
        <p className="time-spoken__empty">{t('timeSpoken.none')}</p>
      ) : (
        <table className="time-spoken__table">
          <thead>
            <tr>
              <th scope="col">{t('timeSpoken.delegation')}</th>
              {open && <th scope="col">{t('timeSpoken.thisItem')}</th>}
              <th scope="col">{t('workspace.sitting')}</th>
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
