import { isRefusalKey, refusalVars, type RefusalCode, type RefusalParams, type RefusalWords } from '@plenary/shared/plain';
import { AGENDA_STATE_LABEL, SESSION_STATE_LABEL } from './format';
import { CBM_STATE_LABEL, PARAGRAPH_STATUS_LABEL } from './statusWords';
import { currentLanguage, i18n, isRtl } from '../i18n';
import { num } from '../i18n/locale';

/** What the server sent when it refused: its English `message`, and the key and values of a known refusal (I7). */
export interface ServerRefusal {
  message: string;
  key?: string;
  params?: RefusalParams;
}

/** The interface's state words for the codes a refusal holds. */
const CODE_LABEL: Record<RefusalCode, Record<string, string>> = {
  agendaState: AGENDA_STATE_LABEL,
  sessionState: SESSION_STATE_LABEL,
  paragraphStatus: PARAGRAPH_STATUS_LABEL,
  cbmState: CBM_STATE_LABEL,
};

const WORDS: RefusalWords = {
  code: (kind, value) => CODE_LABEL[kind][value] ?? value,
  list: (words) =>
    words.length < 2 ? (words[0] ?? '') : i18n.t('refusal.list.or', { first: words.slice(0, -1).join(i18n.t('refusal.list.comma')), last: words.at(-1) }),
  number: (n) => num(n),
  // the offline list already says what each command does, in each language
  command: (type) => i18n.t(`offline.command.${type}`, { defaultValue: type }),
  // an id or a Latin name inside a Dari or Pashto sentence keeps its own direction without reordering its neighbours
  name: (text) => (isRtl(currentLanguage()) ? `\u2068${text}\u2069` : text),
};

/** A refusal in the reader's language; the server's English `message` when its key is unknown (or absent). */
export function refusalText(error: ServerRefusal): string {
  if (!isRefusalKey(error.key)) return error.message;
  return i18n.t(`refusal.${error.key}`, { ...refusalVars(error.params ?? {}, WORDS), defaultValue: error.message });
}

/** The refusal part of an error body, as received (a body from an older server has `message` only). */
export function serverRefusal(body: unknown, fallback: string): ServerRefusal {
  const b = (body ?? {}) as Partial<Record<'message' | 'key' | 'params', unknown>>;
  const message = typeof b.message === 'string' ? b.message : fallback;
  const params = b.params && typeof b.params === 'object' ? (b.params as RefusalParams) : undefined;
  return { message, ...(typeof b.key === 'string' ? { key: b.key } : {}), ...(params ? { params } : {}) };
}
