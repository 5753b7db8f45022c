import type { Commitment, Delegation, Measure } from '@plenary/shared';
import {
  CBM_STATE_ICON,
  CBM_THEME_LABEL,
  commitmentCountText,
  measureSummary,
  partyInfo,
  trackText,
  type CbmColumn,
} from '../../lib/cbmBoard';
import { OverdueFlag, Party, ProgressBar } from './CbmBits';
import type { CbmState } from '@plenary/shared';
import { CBM_STATE_LABEL } from '../../lib/statusWords';
import { useTranslation } from 'react-i18next';
import { num } from '../../i18n/locale';

interface BoardProps {
  columns: CbmColumn[];
  commitments: Map<string, Commitment[]>;
  delegations: readonly Delegation[];
  now: number;
  selectedId: string | null;
  onOpen: (id: string) => void;
  /** a measure is open beside the board: the columns stack */
  compact: boolean;
  empty: string | null;
}

/** The measures in columns, by state (proposed → endorsed) or by theme. */
export function CbmBoard({ columns, commitments, delegations, now, selectedId, onOpen, compact, empty }: BoardProps) {
  const { t } = useTranslation();
  return (
    <div className="cbm-board" data-testid="cbm-board" data-compact={compact} data-group={columns[0]?.group ?? 'state'}>
      {empty && <p className="cbm-board__empty">{empty}</p>}
      <div className="cbm-board__columns">
        {columns.map((col) => {
          const cards = (
            <ul className="cbm-column__cards">
              {col.measures.map((m) => (
                <li key={m.id}>
                  <CbmCard
                    measure={m}
                    commitments={commitments.get(m.id) ?? []}
                    delegations={delegations}
                    now={now}
                    selected={m.id === selectedId}
                    onOpen={onOpen}
                    showState={col.group === 'theme'}
                  />
                </li>
              ))}
              {col.measures.length === 0 && <li className="cbm-column__none">{t('cbmUi.none')}</li>}
            </ul>
          );
          const attrs = {
            className: 'cbm-column',
            'data-testid': 'cbm-column',
            ...(col.group === 'state' ? { 'data-state': col.key } : { 'data-theme': col.key }),
            'data-count': col.measures.length,
          };
          const heading = (
            <>
              {col.group === 'state' && (
                <span className="cbm-column__icon" aria-hidden="true">
                  {CBM_STATE_ICON[col.key as CbmState]}
                </span>
              )}
              <span className="cbm-column__label">{col.label}</span>
              <span className="cbm-column__count">{num(col.measures.length)}</span>
            </>
          );
          if (col.collapsed) {
            return (
              <section key={col.key} {...attrs} data-collapsed="true" aria-label={col.label}>
                <details className="cbm-column__fold">
                  <summary className="cbm-column__heading">
                    {heading}
                    <span className="cbm-column__fold-hint" aria-hidden="true" data-show={t('cbmUi.show')} data-hide={t('cbmUi.hide')} />
                  </summary>
                  {cards}
                </details>
              </section>
            );
          }
          return (
            <section key={col.key} {...attrs} aria-label={col.label}>
              <h3 className="cbm-column__heading">{heading}</h3>
              {cards}
            </section>
          );
        })}
      </div>
    </div>
  );
}

interface CardProps {
  measure: Measure;
  commitments: Commitment[];
  delegations: readonly Delegation[];
  now: number;
  selected: boolean;
  onOpen: (id: string) => void;
  showState: boolean;
}

/** One measure on the board: what it is, who is behind it and how far its commitments have got. */
export function CbmCard({ measure: m, commitments, delegations, now, selected, onOpen, showState }: CardProps) {
  const { t } = useTranslation();
  const s = measureSummary(commitments, now);
  const proposer = partyInfo(delegations, m.proposer);
  const track = trackText(s);
  return (
    <button
      type="button"
      className="cbm-card"
      data-testid="cbm-card"
      data-cbm-id={m.id}
      data-state={m.state}
      data-overdue={s.overdue > 0}
      aria-current={selected || undefined}
      onClick={() => onOpen(m.id)}
    >
      <span className="cbm-card__top">
        <span className="cbm-theme" data-theme={m.theme}>
          {CBM_THEME_LABEL[m.theme]}
        </span>
        {showState && (
          <span className="cbm-card__state">
            <span aria-hidden="true">{CBM_STATE_ICON[m.state]}</span> {CBM_STATE_LABEL[m.state]}
          </span>
        )}
        {s.overdue > 0 && <OverdueFlag count={s.overdue} />}
      </span>
      <span className="cbm-card__title">{m.title}</span>
      <span className="cbm-card__sponsors">
        <Party party={proposer} role={t('cbmUi.proposer')} />
        {m.cosponsors.length > 0 && (
          <span className="cbm-card__cosponsors" aria-label={t('cbmUi.cosponsoredBy', { names: m.cosponsors.map((d) => partyInfo(delegations, d).name).join(`${t('list.separator')} `) })}>
            <span className="cbm-card__plus" aria-hidden="true">
              +
            </span>
            {m.cosponsors.map((d) => (
              <Party key={d} party={partyInfo(delegations, d)} show="code" role={t('cbmUi.cosponsor')} />
            ))}
          </span>
        )}
      </span>
      <ProgressBar progress={s.progress} label={t('cbmUi.progressOf', { title: m.title })} testId="cbm-progress" />
      <span className="cbm-card__meta">
        {s.commitments > 0 && <span data-testid="cbm-commitment-count">{commitmentCountText(s.commitments)}</span>}
        {track && (
          <span className="cbm-card__track" data-overdue={s.overdue > 0}>
            {track}
          </span>
        )}
      </span>
    </button>
  );
}
