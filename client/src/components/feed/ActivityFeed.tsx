import { useMemo, useState } from 'react';
import type { Delegation, FeedEntry } from '@plenary/shared';
import { formatClock } from '../../lib/format';
import { delegationFilterOptions, feedKindLabel, feedLines, kindFilterOptions, localDay, NO_FILTER, type FeedFilter } from '../../lib/feedLines';
import './ActivityFeed.css';

interface Props {
  /** null while the sitting loads */
  feed: FeedEntry[] | null;
  delegations: Delegation[];
}

/** Everything done in the sitting, in plain words, newest first; live; filterable by delegation and kind. */
export function ActivityFeed({ feed, delegations }: Props) {
  const [filter, setFilter] = useState<FeedFilter>(NO_FILTER);
  const entries = feed ?? [];
  const lines = useMemo(() => feedLines(entries, filter), [entries, filter]);
  const delegationOptions = useMemo(() => delegationFilterOptions(entries, delegations), [entries, delegations]);
  const kindOptions = useMemo(() => kindFilterOptions(entries), [entries]);
  const colors = useMemo(() => new Map(delegations.map((d) => [d.id, d.color])), [delegations]);
  const filtered = filter.delegation !== '' || filter.kind !== '';
  const today = localDay(Date.now());

  return (
    <section className="feed" data-testid="feed" aria-label="Activity" data-count={lines.length}>
      <div className="feed__bar">
        <h2 className="feed__heading">
          Activity <span className="feed__count">{filtered ? `${lines.length} of ${entries.length}` : entries.length}</span>
        </h2>
        <div className="feed__filters">
          <label className="feed__filter">
            <span>Delegation</span>
            <select data-testid="feed-filter-delegation" value={filter.delegation} onChange={(e) => setFilter((f) => ({ ...f, delegation: e.target.value }))}>
              <option value="">All delegations</option>
              {filter.delegation && !delegationOptions.some((o) => o.value === filter.delegation) && <option value={filter.delegation}>{filter.delegation}</option>}
              {delegationOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label} ({o.count})
                </option>
              ))}
            </select>
          </label>
          <label className="feed__filter">
            <span>Kind</span>
            <select data-testid="feed-filter-kind" value={filter.kind} onChange={(e) => setFilter((f) => ({ ...f, kind: e.target.value }))}>
              <option value="">All kinds</option>
              {kindOptions.map((o) => (
                <option key={o.value} value={o.value} disabled={o.count === 0 && o.value !== filter.kind}>
                  {o.label} ({o.count})
                </option>
              ))}
            </select>
          </label>
          {filtered && (
            <button type="button" className="feed__reset" data-testid="feed-filter-reset" onClick={() => setFilter(NO_FILTER)}>
              Show all
            </button>
          )}
        </div>
      </div>
      {feed === null ? (
        <p className="feed__empty">Loading…</p>
      ) : lines.length === 0 ? (
        <p className="feed__empty" data-testid="feed-empty">
          {entries.length === 0 ? 'Nothing has happened in the sitting yet.' : 'No activity matches these filters.'}
        </p>
      ) : (
        <ol className="feed__list" aria-live="polite" aria-relevant="additions">
          {lines.map((e, i) => {
            const day = localDay(e.at);
            const prev = lines[i - 1];
            const heading = day !== today && (!prev || localDay(prev.at) !== day);
            return (
              <li key={e.id} className="feed__entry" data-testid="feed-entry" data-kind={e.kind} data-delegation={e.delegation ?? ''} data-actor={e.actor}>
                {heading && <p className="feed__day">{day}</p>}
                <div className="feed__line">
                  <time className="feed__time" dateTime={new Date(e.at).toISOString()} title={new Date(e.at).toLocaleString()}>
                    {formatClock(e.at)}
                  </time>
                  <span className="feed__dot" style={{ background: e.delegation ? (colors.get(e.delegation) ?? '#6c757d') : 'var(--accent)' }} aria-hidden="true" />
                  <span className="feed__text">{e.text}</span>
                  <span className={`feed__kind feed__kind--${e.kind}`}>{feedKindLabel(e.kind)}</span>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
