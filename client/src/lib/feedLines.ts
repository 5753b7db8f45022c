import { FEED_LINES_EN, feedVars, type CurrentLabel, type Delegation, type FeedCode, type FeedEntry, type FeedWords } from '@plenary/shared/plain';
import { formatClock, roleAsName } from './format';
import { CODE_WORDS } from './statusWords';
import { currentLanguage, i18n, labelMap, type Language } from '../i18n';
import { formatDay, isolated, num } from '../i18n/locale';

/** The activity feed as shown: newest first, filtered by delegation and by kind, with the local time. */

export const FEED_KINDS = [
  'agenda',
  'speakers',
  'timer',
  'paragraph',
  'comment',
  'revision',
  'silence',
  'cbm',
  'commitment',
  'session',
  'attendance',
  'invite',
] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

export const FEED_KIND_LABEL: Record<FeedKind, string> = labelMap({
  agenda: 'feedKind.agenda',
  speakers: 'feedKind.speakers',
  timer: 'feedKind.timer',
  paragraph: 'feedKind.paragraph',
  comment: 'feedKind.comment',
  revision: 'feedKind.revision',
  silence: 'feedKind.silence',
  cbm: 'feedKind.cbm',
  commitment: 'feedKind.commitment',
  session: 'feedKind.session',
  attendance: 'feedKind.attendance',
  invite: 'feedKind.invite',
});

export function feedKindLabel(kind: string): string {
  return (FEED_KIND_LABEL as Record<string, string>)[kind] ?? kind;
}

/** `''` means all; the delegation filter also takes `CHAIR_FILTER` for what the chair did. */
export interface FeedFilter {
  delegation: string;
  kind: string;
}

export const CHAIR_FILTER = '@chair';
export const NO_FILTER: FeedFilter = { delegation: '', kind: '' };

export function matchesFeedFilter(e: FeedEntry, f: FeedFilter): boolean {
  if (f.kind && e.kind !== f.kind) return false;
  if (f.delegation === CHAIR_FILTER) return e.actor === 'chair';
  if (f.delegation && e.delegation !== f.delegation) return false;
  return true;
}

/** The lines to show, newest first (ties keep the later-added line first). */
export function feedLines(entries: readonly FeedEntry[], f: FeedFilter = NO_FILTER): FeedEntry[] {
  return entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => matchesFeedFilter(e, f))
    .sort((a, b) => b.e.at - a.e.at || b.i - a.i)
    .map(({ e }) => e);
}

const WORDS: FeedWords = {
  phrase: (phrase, vars) => i18n.t(`feed.ref.${phrase}`, vars),
  code: (kind: FeedCode, value) => CODE_WORDS[kind][value] ?? value.replace(/-/g, ' '),
  number: (n) => num(n),
  role: (role, name) => (role === 'delegate' ? name : roleAsName(role)),
  name: (text) => isolated(text),
};

/** Whether the interface can say the line in its own language (lines stored before keys, or with a key it does not know, cannot). */
export function feedLineTranslated(e: Pick<FeedEntry, 'key'>): boolean {
  return !!e.key && Object.hasOwn(FEED_LINES_EN, e.key);
}

/** A line in the interface's language, or its stored English text; a paragraph by its label now, when known (E6). */
export function feedLineWords(e: Pick<FeedEntry, 'text' | 'key' | 'params'>, currentLabel?: CurrentLabel): string {
  return feedLineTranslated(e) ? i18n.t(`feed.${e.key}`, feedVars(e.params ?? {}, WORDS, currentLabel)) : e.text;
}

/** "14:02 Chair opened item 3 — Security cooperation", in the viewer's time zone unless one is given. */
export function feedLineText(e: Pick<FeedEntry, 'at' | 'text' | 'key' | 'params'>, timeZone?: string): string {
  return `${formatClock(e.at, timeZone)} ${feedLineWords(e)}`;
}

export interface FilterOption {
  value: string;
  label: string;
  count: number;
}

/** The delegations named in the feed, in the sitting's order, each with its number of lines; the chair first. */
export function delegationFilterOptions(entries: readonly FeedEntry[], delegations: readonly Delegation[]): FilterOption[] {
  const counts = new Map<string, number>();
  let chair = 0;
  for (const e of entries) {
    if (e.delegation) counts.set(e.delegation, (counts.get(e.delegation) ?? 0) + 1);
    if (e.actor === 'chair') chair++;
  }
  const known = delegations.filter((d) => counts.has(d.id)).map((d) => ({ value: d.id, label: d.name, count: counts.get(d.id)! }));
  const unknown = [...counts.keys()]
    .filter((id) => !delegations.some((d) => d.id === id))
    .sort()
    .map((id) => ({ value: id, label: id.toUpperCase(), count: counts.get(id)! }));
  return [...(chair ? [{ value: CHAIR_FILTER, label: i18n.t('feed.theChair'), count: chair }] : []), ...known, ...unknown];
}

/** Every kind, with how many lines each has (kinds without lines are still offered, with 0). */
export function kindFilterOptions(entries: readonly FeedEntry[]): FilterOption[] {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const extra = [...counts.keys()].filter((k) => !(FEED_KINDS as readonly string[]).includes(k)).sort();
  return [...FEED_KINDS, ...extra].map((k) => ({ value: k, label: feedKindLabel(k), count: counts.get(k) ?? 0 }));
}

/** A day heading is due before a line whose local day differs from the previous (newer) line's. */
export function localDay(at: number, timeZone?: string, lang: Language = currentLanguage()): string {
  return formatDay(at, lang, timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
}
