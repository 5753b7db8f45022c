import { isRefusalKey, refusalVars, type RefusalCode, type RefusalParams, type RefusalWords } from '@plenary/shared/plain';
import { CODE_WORDS } from './statusWords';
import { i18n } from '../i18n';
import { isolated, num } from '../i18n/locale';

/** What the server sent when it refused: its English `message`, and the key and values of a known refusal (I7). */
export interface ServerRefusal {
  message: string;
  key?: string;
  params?: RefusalParams;
}

const WORDS: RefusalWords = {
  code: (kind: RefusalCode, value) => CODE_WORDS[kind][value] ?? value,
  list: (words) =>
    words.length < 2 ? (words[0] ?? '') : i18n.t('refusal.list.or', { first: words.slice(0, -1).join(i18n.t('refusal.list.comma')), last: words.at(-1) }),
  number: (n) => num(n),
  // the offline list already says what each command does, in each language
  command: (type) => i18n.t(`offline.command.${type}`, { defaultValue: type }),
  name: (text) => isolated(text),
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
