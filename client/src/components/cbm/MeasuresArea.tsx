import { useId } from 'react';
import type { Role, SessionView } from '@plenary/shared';
import type { Commands } from '../../hooks/useCommands';
import { useCbmBoard } from '../../hooks/useCbmBoard';
import { useServerNow } from '../../hooks/useServerNow';
import { CBM_THEME_LABEL, CBM_THEMES, delegationFilterOptions, isFiltered, viewerParty, type CbmFilter, type CbmGroupBy } from '../../lib/cbmBoard';
import { CbmBoard } from './CbmBoard';
import { MeasureDetail } from './MeasureDetail';
import { MeasureForm } from './MeasureForm';
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
        <p className="cbm-muted cbm-area__loading">Loading the measures…</p>
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
        ? 'No measures yet. Propose the first one.'
        : 'No measures have been proposed yet.'
      : board.shown === 0
        ? 'No measure matches these filters.'
        : null;

  return (
    <div className="cbm-area" data-pane={paneOpen ? board.pane.kind : 'none'} data-testid="cbm-area">
      <div className="cbm-toolbar">
        <h2 className="cbm-toolbar__heading">
          Measures{' '}
          <span className="cbm-toolbar__count">
            {endorsed} endorsed of {measures.length}
          </span>
        </h2>
        {!canPropose && <span className="cbm-note">read-only</span>}
        {canPropose && (
          <button
            type="button"
            className="cbm-button cbm-button--primary"
            data-testid="cbm-propose-open"
            aria-pressed={board.pane.kind === 'propose'}
            onClick={board.propose}
          >
            + Propose a measure
          </button>
        )}
        <div className="cbm-toolbar__filters" role="group" aria-label="Arrange and filter the measures">
          <label className="cbm-toolbar__field" htmlFor={`${id}-group`}>
            <span className="cbm-toolbar__label">Group by</span>
            <select id={`${id}-group`} data-testid="cbm-group-by" value={board.groupBy} onChange={(e) => board.setGroupBy(e.target.value as CbmGroupBy)}>
              <option value="state">state</option>
              <option value="theme">theme</option>
            </select>
          </label>
          <label className="cbm-toolbar__field" htmlFor={`${id}-theme`}>
            <span className="cbm-toolbar__label">Theme</span>
            <select
              id={`${id}-theme`}
              data-testid="cbm-filter-theme"
              value={board.filter.theme}
              onChange={(e) => board.setFilter({ theme: e.target.value as CbmFilter['theme'] })}
            >
              <option value="">all themes</option>
              {CBM_THEMES.map((t) => (
                <option key={t} value={t}>
                  {CBM_THEME_LABEL[t]}
                </option>
              ))}
            </select>
          </label>
          <label className="cbm-toolbar__field" htmlFor={`${id}-deleg`}>
            <span className="cbm-toolbar__label">Delegation</span>
            <select id={`${id}-deleg`} data-testid="cbm-filter-delegation" value={board.filter.delegation} onChange={(e) => board.setFilter({ delegation: e.target.value })}>
              <option value="">everyone</option>
              {options.involved.length > 0 && (
                <optgroup label="With a part in a measure">
                  {options.involved.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              )}
              <optgroup label="Others">
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
              Mine
            </label>
          )}
          {isFiltered(board.filter) && (
            <button type="button" className="cbm-button cbm-button--quiet cbm-button--small" onClick={board.clearFilter}>
              Clear filters ({board.shown} of {board.total})
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
