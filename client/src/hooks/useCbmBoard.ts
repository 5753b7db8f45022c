import { useCallback, useMemo, useState } from 'react';
import type { Commitment, Measure } from '@plenary/shared';
import { boardColumns, commitmentsByMeasure, filterMeasures, NO_CBM_FILTER, type CbmColumn, type CbmFilter, type CbmGroupBy } from '../lib/cbmBoard';
import { useTranslation } from 'react-i18next';

/** What the right-hand side of the measures area shows: nothing, one measure, or the propose form. */
export type CbmPane = { kind: 'none' } | { kind: 'measure'; id: string } | { kind: 'propose' };

export interface CbmBoardState {
  groupBy: CbmGroupBy;
  setGroupBy(g: CbmGroupBy): void;
  filter: CbmFilter;
  setFilter(f: Partial<CbmFilter>): void;
  clearFilter(): void;
  pane: CbmPane;
  open(id: string): void;
  propose(): void;
  close(): void;
  columns: CbmColumn[];
  /** commitments per measure id */
  commitments: Map<string, Commitment[]>;
  /** measures shown after filtering / in all */
  shown: number;
  total: number;
  /** the measure open in the pane, if it (still) exists */
  selected: Measure | null;
}

/** The board's own state (grouping, filters, the open measure) and the columns it derives. */
export function useCbmBoard(measures: readonly Measure[], commitments: readonly Commitment[], me: string | null): CbmBoardState {
  const [groupBy, setGroupBy] = useState<CbmGroupBy>('state');
  const [filter, setFilterState] = useState<CbmFilter>(NO_CBM_FILTER);
  const [pane, setPane] = useState<CbmPane>({ kind: 'none' });

  const setFilter = useCallback((f: Partial<CbmFilter>) => setFilterState((old) => ({ ...old, ...f })), []);
  const clearFilter = useCallback(() => setFilterState(NO_CBM_FILTER), []);
  const open = useCallback((id: string) => setPane({ kind: 'measure', id }), []);
  const propose = useCallback(() => setPane({ kind: 'propose' }), []);
  const close = useCallback(() => setPane({ kind: 'none' }), []);

  const filtered = useMemo(() => filterMeasures(measures, commitments, filter, me), [measures, commitments, filter, me]);
  // the column headings are words in the interface's language
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const columns = useMemo(() => boardColumns(filtered, groupBy), [filtered, groupBy, lang]);
  const byMeasure = useMemo(() => commitmentsByMeasure(commitments), [commitments]);
  const selected = pane.kind === 'measure' ? (measures.find((m) => m.id === pane.id) ?? null) : null;

  return {
    groupBy,
    setGroupBy,
    filter,
    setFilter,
    clearFilter,
    pane,
    open,
    propose,
    close,
    columns,
    commitments: byMeasure,
    shown: filtered.length,
    total: measures.length,
    selected,
  };
}
