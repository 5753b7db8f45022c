import { useMemo, useState } from 'react';
import type { Delegation, FeedEntry } from '@plenary/shared';
import type { OutlineEntry } from '../../hooks/useOutline';
import { formatClock } from '../../lib/format';
import { delegationFilterOptions, feedKindLabel, feedLines, feedLineTranslated, feedLineWords, kindFilterOptions, localDay, NO_FILTER, type FeedFilter } from '../../lib/feedLines';
import { useTranslation } from 'react-i18next';
import { formatDateTime, num } from '../../i18n/locale';
import './ActivityFeed.css';

interface Props {
  /** null while the sitting loads */
  feed: FeedEntry[] | null;
  delegations: Delegation[];
  /** the communiqué's paragraphs as numbered now: lines name a renumbered paragraph by both labels */
  outline?: readonly OutlineEntry[];
}

/** Everything done in the sitting, in plain words, newest first; live; filterable by delegation and kind. */
export function ActivityFeed({ feed, delegations, outline = [] }: Props) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<FeedFilter>(NO_FILTER);
  const entries = feed ?? [];
  const lines = useMemo(() => feedLines(entries, filter), [entries, filter]);
  // the options' words follow the language
  const lang = i18n.language;
  const delegationOptions = useMemo(() => delegationFilterOptions(entries, delegations), [entries, delegations, lang]);
  const kindOptions = useMemo(() => kindFilterOptions(entries), [entries, lang]);
  const colors = useMemo(() => new Map(delegations.map((d) => [d.id, d.color])), [delegations]);
  const currentLabel = useMemo(() => {
    const labels = new Map(outline.map((p) => [p.id, p.label ?? undefined]));
    return (id: string) => labels.get(id);
  }, [outline]);
  const filtered = filter.delegation !== '' || filter.kind !== '';
  const today = localDay(Date.now());

  return (
    <section className="feed" data-testid="feed" aria-label={t('feed.heading')} data-count={lines.length}>
      <div className="feed__bar">
        <h2 className="feed__heading">
          {t('feed.heading')} <span className="feed__count">{filtered ? t('feed.countOf', { n: num(lines.length), total: num(entries.length) }) : num(entries.length)}</span>
        </h2>
        <div className="feed__filters">
          <label className="feed__filter">
            <span>{t('feed.delegation')}</span>
            <select data-testid="feed-filter-delegation" value={filter.delegation} onChange={(e) => setFilter((f) => ({ ...f, delegation: e.target.value }))}>
              <option value="">{t('feed.allDelegations')}</option>
              {filter.delegation && !delegationOptions.some((o) => o.value === filter.delegation) && <option value={filter.delegation}>{filter.delegation}</option>}
              {delegationOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label} ({num(o.count)})
                </option>
              ))}
            </select>
          </label>
          <label className="feed__filter">
            <span>{t('feed.kind')}</span>
            <select data-testid="feed-filter-kind" value={filter.kind} onChange={(e) => setFilter((f) => ({ ...f, kind: e.target.value }))}>
              <option value="">{t('feed.allKinds')}</option>
              {kindOptions.map((o) => (
                <option key={o.value} value={o.value} disabled={o.count === 0 && o.value !== filter.kind}>
                  {o.label} ({num(o.count)})
                </option>
              ))}
            </select>
          </label>
          {filtered && (
            <button type="button" className="feed__reset" data-testid="feed-filter-reset" onClick={() => setFilter(NO_FILTER)}>
              {t('feed.showAll')}
            </button>
          )}
        </div>
      </div>
      {feed === null ? (
        <p className="feed__empty">{t('common.loading')}</p>
      ) : lines.length === 0 ? (
        <p className="feed__empty" data-testid="feed-empty">
          {entries.length === 0 ? t('feed.nothingYet') : t('feed.noMatch')}
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
                  <time className="feed__time" dateTime={new Date(e.at).toISOString()} title={formatDateTime(e.at)}>
                    {formatClock(e.at)}
                  </time>
                  <span className="feed__dot" style={{ background: e.delegation ? (colors.get(e.delegation) ?? '#6c757d') : 'var(--accent)' }} aria-hidden="true" />
                  <span className="feed__text" dir={feedLineTranslated(e) ? undefined : 'auto'}>
                    {feedLineWords(e, currentLabel)}
                  </span>
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
