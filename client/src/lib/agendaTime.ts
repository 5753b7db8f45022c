import { itemUsedMs, type AgendaItem } from '@plenary/shared/plain';
import { currentLanguage, i18n, type Language } from '../i18n';
import { localDigits } from '../i18n/locale';

export interface AgendaTime {
  /** `25 / 40 min`, `12 min`, `40 min` (planned only, not yet opened), or '' */
  text: string;
  /** used more than planned */
  over: boolean;
}

/** Planned against used time of an item, in whole minutes; live for the open item. */
export function agendaTime(item: AgendaItem, serverNow: number, lang: Language = currentLanguage()): AgendaTime {
  const t = i18n.getFixedT(lang);
  const n = (v: number) => localDigits(String(v), lang);
  const started = item.state === 'open' || (item.usedMs ?? 0) > 0;
  const planned = item.durationMin;
  if (!started) return { text: planned !== undefined ? t('time.min', { m: n(planned) }) : '', over: false };
  const usedMs = itemUsedMs(item, serverNow);
  const used = Math.floor(usedMs / 60_000);
  if (planned === undefined) return { text: t('time.min', { m: n(used) }), over: false };
  return { text: t('time.usedOfPlannedMin', { used: n(used), planned: n(planned) }), over: usedMs > planned * 60_000 };
}
