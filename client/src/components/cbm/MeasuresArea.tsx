import { useId } from 'react';
import type { Role, SessionView } from '@plenary/shared';
import type { Commands } from '../../hooks/useCommands';
import { useCbmBoard } from '../../hooks/useCbmBoard';
import { useServerNow } from '../../hooks/useServerNow';
import { CBM_THEME_LABEL, CBM_THEMES, delegationFilterOptions, isFiltered, viewerParty, type CbmFilter, type CbmGroupBy } from '../../lib/cbmBoard';
import { CbmBoard } from './CbmBoard';
import { MeasureDetail } from './MeasureDetail';
import { MeasureForm } from './MeasureForm';
import { useTranslation } from 'react-i18next';
import { num } from '../../i18n/locale';
import './Cbm.css';

interface Props {
  view: SessionView | null;
  role: Role | undefined;
  delegation: string | undefined;
  commands: Commands;
  clockOffset: number;
}

const NO_MEASURES: never[] = [];

/** The confidence-building measures: the board, one measure open beside it, and the propose form. */
export function MeasuresArea({ view, role, delegation, commands, clockOffset }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const viewer = { role, delegation };
  const me = viewerParty(viewer);
  const measures = view?.cbms ?? NO_MEASURES;
  const commitments = view?.commitments ?? NO_MEASURES;
  const board = useCbmBoard(measures, commitments, me);
  // overdue is a matter of days: the server's clock, looked at every half minute
  const now = useServerNow(clockOffset, 30_000);

  if (!view) {
    return (
      <div className="cbm-area" aria-busy="true">
        <p className="cbm-muted cbm-area__loading">{t('cbmUi.loading')}</p>
      </div>
    );
  }

  const options = delegationFilterOptions(measures, commitments, view.delegations);
  const paneOpen = board.pane.kind === 'propose' || (board.pane.kind === 'measure' && board.selected !== null);
  const canPropose = role === 'chair' || role === 'delegate';
  const endorsed = measures.filter((m) => m.state === 'endorsed').length;
  const empty =
    board.total === 0
      ? canPropose
        ? t('cbmUi.emptyPropose')
        : t('cbmUi.emptyNone')
      : board.shown === 0
        ? t('cbmUi.emptyFiltered')
        : null;

  return (
    <div className="cbm-area" data-pane={paneOpen ? board.pane.kind : 'none'} data-testid="cbm-area">
      <div className="cbm-toolbar">
        <h2 className="cbm-toolbar__heading">
          {t('workspace.measures')}{' '}
          <span className="cbm-toolbar__count">{t('cbmUi.endorsedOf', { n: num(endorsed), total: num(measures.length) })}</span>
        </h2>
        {!canPropose && <span className="cbm-note">{t('communique.readOnly')}</span>}
        {canPropose && (
          <button
            type="button"
            className="cbm-button cbm-button--primary"
            data-testid="cbm-propose-open"
            aria-pressed={board.pane.kind === 'propose'}
            onClick={board.propose}
          >
            {t('cbmUi.propose')}
          </button>
        )}
        <div className="cbm-toolbar__filters" role="group" aria-label={t('cbmUi.arrange')}>
          <label className="cbm-toolbar__field" htmlFor={`${id}-group`}>
            <span className="cbm-toolbar__label">{t('cbmUi.groupBy')}</span>
            <select id={`${id}-group`} data-testid="cbm-group-by" value={board.groupBy} onChange={(e) => board.setGroupBy(e.target.value as CbmGroupBy)}>
              <option value="state">{t('cbmUi.byState')}</option>
              <option value="theme">{t('cbmUi.byTheme')}</option>
            </select>
          </label>
          <label className="cbm-toolbar__field" htmlFor={`${id}-theme`}>
            <span className="cbm-toolbar__label">{t('cbmUi.theme')}</span>
            <select
              id={`${id}-theme`}
              data-testid="cbm-filter-theme"
              value={board.filter.theme}
              onChange={(e) => board.setFilter({ theme: e.target.value as CbmFilter['theme'] })}
            >
              <option value="">{t('cbmUi.allThemes')}</option>
              {CBM_THEMES.map((th) => (
                <option key={th} value={th}>
                  {CBM_THEME_LABEL[th]}
                </option>
              ))}
            </select>
          </label>
          <label className="cbm-toolbar__field" htmlFor={`${id}-deleg`}>
            <span className="cbm-toolbar__label">{t('feed.delegation')}</span>
            <select id={`${id}-deleg`} data-testid="cbm-filter-delegation" value={board.filter.delegation} onChange={(e) => board.setFilter({ delegation: e.target.value })}>
              <option value="">{t('cbmUi.everyone')}</option>
              {options.involved.length > 0 && (
                <optgroup label={t('cbmUi.involved')}>
                  {options.involved.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              )}
              <optgroup label={t('cbmUi.others')}>
                {options.others.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
          {me && (
            <label className="cbm-toolbar__check" htmlFor={`${id}-mine`}>
              <input id={`${id}-mine`} type="checkbox" data-testid="cbm-filter-mine" checked={board.filter.mine} onChange={(e) => board.setFilter({ mine: e.target.checked })} />
              {t('cbmUi.mine')}
            </label>
          )}
          {isFiltered(board.filter) && (
            <button type="button" className="cbm-button cbm-button--quiet cbm-button--small" onClick={board.clearFilter}>
              {t('cbmUi.clearFilters', { n: num(board.shown), total: num(board.total) })}
            </button>
          )}
        </div>
      </div>
      <div className="cbm-body">
        <CbmBoard
          columns={board.columns}
          commitments={board.commitments}
          delegations={view.delegations}
          now={now}
          selectedId={board.selected?.id ?? null}
          onOpen={board.open}
          compact={paneOpen}
          empty={empty}
        />
        {paneOpen && (
          <div className="cbm-pane">
            {board.pane.kind === 'propose' ? (
              <MeasureForm agenda={view.agenda} commands={commands} onDone={board.open} onCancel={board.close} />
            ) : (
              board.selected && (
                <MeasureDetail
                  key={board.selected.id}
                  measure={board.selected}
                  commitments={board.commitments.get(board.selected.id) ?? []}
                  delegations={view.delegations}
                  agenda={view.agenda}
                  viewer={viewer}
                  commands={commands}
                  now={now}
                  onClose={board.close}
                />
              )
            )}
          </div>
        )}
      </div>
    </div>
  );
}
