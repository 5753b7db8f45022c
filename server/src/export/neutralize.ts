/**
 * What every export does to participants' text before printing it (K12): text stays readable and
 * each file stays valid, whatever was typed.
 *
 * - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed: they
 *   reorder what a reader sees without changing what the file says ("Trojan Source"). The marks
 *   U+200E, U+200F and U+061C stay: they only nudge neutral characters, and Dari and Pashto use them.
 * - Characters XML 1.0 does not allow — C0 controls other than tab, line feed and carriage return,
 *   U+FFFE, U+FFFF and unpaired surrogates — become U+FFFD (�), so the reader sees that something
 *   was there and a Word file still opens.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function neutralizeText(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(XML_INVALID, '\uFFFD');
}

/** The same plain data (strings, numbers, arrays, objects) with every string, keys included, neutralised. */
export function neutralizeAll<T>(value: T): T {
  if (typeof value === 'string') return neutralizeText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => neutralizeAll(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [neutralizeText(k), neutralizeAll(v)])) as T;
  }
  return value;
}
