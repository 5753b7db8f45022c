import { can, type Role, type SessionView } from '@plenary/shared/plain';
import type { Commands } from '../../hooks/useCommands';
import { useServerNow } from '../../hooks/useServerNow';
import { AGENDA_STATE_LABEL } from '../../lib/format';
import { attendanceRows, attendanceSummary, HOW_LABEL, HOW_TITLE, itemAttendance, markAction } from '../../lib/attendanceRows';
import { formatDurationShort } from '../../lib/sittingNow';
import { useTranslation } from 'react-i18next';
import { num } from '../../i18n/locale';
import './Attendance.css';

interface Props {
  view: SessionView | null;
  role: Role | undefined;
  commands: Commands;
  clockOffset: number;
}

/** Who is present now (connected, or marked in the room by the chair), for how long, and who was present for each item. */
export function AttendancePanel({ view, role, commands, clockOffset }: Props) {
  const { t } = useTranslation();
  const now = useServerNow(clockOffset, 1000);
  if (!view) {
    return (
      <section className="att" data-testid="attendance" aria-busy="true">
        <p className="att__muted">{t('common.loading')}</p>
      </section>
    );
  }
  const preside = role !== undefined && can(role, 'preside');
  const rows = attendanceRows(view.delegations, view.attendance, now);
  const sum = attendanceSummary(rows);
  const items = itemAttendance(view.agenda, view.delegations);
  return (
    <section className="att" data-testid="attendance" data-present={sum.present} data-invited={sum.invited} aria-label={t('attendance.heading')}>
      <h2 className="att__heading">{t('attendance.heading')}</h2>
      <p className="att__summary" data-testid="attendance-summary">
        <strong>{num(sum.present)}</strong> {t('attendance.ofPresent', { invited: num(sum.invited) })}
        <span className="att__muted">
          {' '}
          · {t('attendance.connected', { n: num(sum.connected) })}
          {sum.markedOnly > 0 && ` · ${t('attendance.markedOnly', { n: num(sum.markedOnly) })}`}
        </span>
      </p>
      {preside && <p className="att__hint">{t('attendance.hint')}</p>}
      <table className="att__table">
        <thead>
          <tr>
            <th scope="col">{t('feed.delegation')}</th>
            <th scope="col">{t('attendance.now')}</th>
            <th scope="col" className="att__num">
              {t('attendance.time')}
              <span className="att__wide"> {t('attendance.present')}</span>
            </th>
            {preside && (
              <th scope="col">
                <span className="visually-hidden">{t('attendance.roomMark')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const action = markAction(r);
            const key = `attendance.mark:${r.delegation}`;
            return (
              <tr key={r.delegation} className="att__row" data-testid="attendance-row" data-delegation={r.delegation} data-present={r.present} data-how={r.how}>
                <th scope="row" className="att__name">
                  <span className="att__dot" style={{ background: r.color }} aria-hidden="true" />
                  {r.name}
                </th>
                <td>
                  <span className={`att__how att__how--${r.how}`} title={HOW_TITLE[r.how]}>
                    <span aria-hidden="true">{r.present ? '● ' : '○ '}</span>
                    {HOW_LABEL[r.how]}
                  </span>
                </td>
                <td className="att__num">{r.seen ? formatDurationShort(r.presentMs) : '—'}</td>
                {preside && (
                  <td className="att__action">
                    <button
                      type="button"
                      className="att__button"
                      data-testid="attendance-mark"
                      data-present={action.present}
                      title={action.title}
                      aria-busy={commands.isPending(key)}
                      disabled={commands.isPending(key)}
                      onClick={() => void commands.run('attendance.mark', { delegation: r.delegation, present: action.present }, key)}
                    >
                      {action.label}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3 className="att__subheading">{t('attendance.perItem')}</h3>
      {items.length === 0 ? (
        <p className="att__muted">{t('attendance.noItem')}</p>
      ) : (
        <ul className="att__items">
          {items.map((i) => (
            <li key={i.itemId} className="att__item" data-testid="attendance-item" data-item-id={i.itemId} data-count={i.attendees.length}>
              <p className="att__item-title">
                <span className="att__item-number">{num(i.number)}</span> {i.title}
                <span className="att__item-state">{AGENDA_STATE_LABEL[i.state]}</span>
                <span className="att__item-count">
                  {t('attendance.itemCount', { n: num(i.attendees.length), total: num(view.delegations.length) })}
                </span>
              </p>
              {i.attendees.length === 0 ? (
                <p className="att__muted">{t('attendance.noneRecorded')}</p>
              ) : (
                <ul className="att__chips" aria-label={t('attendance.presentFor', { number: num(i.number) })}>
                  {i.attendees.map((a) => (
                    <li key={a.delegation} className="att__chip" data-delegation={a.delegation} title={a.name}>
                      <span className="att__dot" style={{ background: a.color }} aria-hidden="true" />
                      {a.name}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
