import * as Y from 'yjs';

/**
 * Attacks on the communiqué's invariants (L10 schema, L11 paragraph ids), each an edit of a copy
 * of the communiqué doc as a hostile participant would make it with a stock Yjs client. `updateOf`
 * turns one into the raw update bytes it sends (for the fuzz campaign's corpus).
 */
export type DocAttack = (doc: Y.Doc) => void;

const body = (doc: Y.Doc) => doc.getXmlFragment('body');
const block = (doc: Y.Doc, index: number) => body(doc).get(index) as Y.XmlElement;
const textOf = (doc: Y.Doc, index: number) => block(doc, index).get(0) as Y.XmlText;

/** The bytes a client sends for an edit: what the edit adds to its copy. */
export function updateOf(doc: Y.Doc, attack: DocAttack): Uint8Array {
  const sv = Y.encodeStateVector(doc);
  doc.transact(() => attack(doc));
  return Y.encodeStateAsUpdate(doc, sv);
}

/** A paragraph element as the editor stores it, with any attributes and formatting given. */
export function paragraphElement(attrs: Record<string, unknown>, text: string, format?: Record<string, unknown>): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  for (const [k, v] of Object.entries(attrs)) p.setAttribute(k, v as string);
  const t = new Y.XmlText();
  t.insert(0, text, format ?? {});
  p.insert(0, [t]);
  return p;
}

// ── forged agreed text (L11) ────────────────────────────────────────────────

/** A new paragraph carrying an agreed paragraph's id: the export would print it as agreed, the editor lock it. */
export const forgeParagraphWithId =
  (id: string, text = 'Forged text that nobody agreed;', at = 1): DocAttack =>
  (doc) =>
    body(doc).insert(at, [paragraphElement({ id, kind: 'op' }, text)]);

/** An open paragraph's id changed to another's (an agreed one's): its text would take that status. */
export const retargetParagraphId =
  (index: number, id: string): DocAttack =>
  (doc) =>
    block(doc, index).setAttribute('id', id);

/** A paragraph's id removed: its status, comments and number would be orphaned. */
export const removeParagraphId =
  (index: number): DocAttack =>
  (doc) =>
    block(doc, index).removeAttribute('id');

/** A copy of an open paragraph's id holding the sender's bracket, so agreeing the clean one would agree the copy too. */
export const bracketedCopyOfId =
  (id: string, delegation: string): DocAttack =>
  (doc) =>
    body(doc).insert(body(doc).length, [paragraphElement({ id, kind: 'op' }, 'Urges | Calls upon', { 'bracket--AAAAAAAA': { by: delegation, at: 1 } })]);

/** Two new paragraphs taking the same fresh id in one update. */
export const twoParagraphsOneId: DocAttack = (doc) =>
  body(doc).insert(body(doc).length, [paragraphElement({ id: 'p-twice', kind: 'op' }, 'One;'), paragraphElement({ id: 'p-twice', kind: 'op' }, 'Two;')]);

// ── content the schema does not allow (L10) ───────────────────────────────────

/** Raw text at the top of the communiqué: the editor cannot show it, every page would go blank. */
export const topLevelText: DocAttack = (doc) => {
  const t = new Y.XmlText();
  t.insert(0, 'raw text outside any paragraph');
  body(doc).insert(1, [t]);
};

export const unknownElement =
  (name: string): DocAttack =>
  (doc) =>
    body(doc).insert(1, [new Y.XmlElement(name)]);

/** A paragraph inside a paragraph. */
export const nestedParagraph: DocAttack = (doc) => block(doc, 1).insert(1, [paragraphElement({ id: 'p-nested', kind: 'op' }, 'inside')]);

/** An element inside text, a map in a paragraph, an embed: types the editor has no node for. */
export const hookInParagraph: DocAttack = (doc) => block(doc, 1).insert(0, [new Y.XmlHook('widget') as unknown as Y.XmlElement]);
export const embedInText: DocAttack = (doc) => textOf(doc, 1).insertEmbed(0, { image: 'https://example.invalid/x.png' });
export const attributeOnText: DocAttack = (doc) => textOf(doc, 1).setAttribute('onclick', 'alert(1)');
export const textInsideLineBreak: DocAttack = (doc) => {
  const br = new Y.XmlElement('hardBreak');
  const t = new Y.XmlText();
  t.insert(0, 'hidden');
  br.insert(0, [t]);
  textOf(doc, 1).insert(0, 'x');
  block(doc, 1).insert(1, [br]);
};

export const badAttribute =
  (index: number, key: string, value: unknown): DocAttack =>
  (doc) =>
    block(doc, index).setAttribute(key, value as string);

/** Formatting over the first characters of a paragraph. */
export const formatText =
  (index: number, key: string, value: unknown, length = 3): DocAttack =>
  (doc) =>
    textOf(doc, index).format(0, length, { [key]: value });

/** The attacks on the schema, by name, for tests and the fuzz corpus (`delegation`: the sender's). */
export function schemaAttacks(delegation: string): [string, DocAttack][] {
  const ownBracket = (value: unknown) => formatText(1, 'bracket--AAAAAAAA', value);
  return [
    ['raw text at the top of the communiqué', topLevelText],
    ['an unknown element (script)', unknownElement('script')],
    ['an image node the editor does not have', unknownElement('image')],
    ['a paragraph inside a paragraph', nestedParagraph],
    ['an XmlHook inside a paragraph', hookInParagraph],
    ['an embed inside text', embedInText],
    ['an attribute on text', attributeOnText],
    ['text inside a line break', textInsideLineBreak],
    ['an unknown paragraph kind', badAttribute(1, 'kind', 'annex')],
    ['an unknown paragraph attribute', badAttribute(1, 'onclick', 'alert(1)')],
    ['a paragraph id that is not a string', badAttribute(2, 'id', { toString: 'p-1' })],
    ['a heading of level 7', badAttribute(0, 'level', 7)],
    ['a link mark', formatText(1, 'link', { href: 'javascript:alert(1)' })],
    ['bold with a value', formatText(1, 'bold', { color: 'red' })],
    ['a bracket key without its hash (bracket--x)', formatText(1, 'bracket--x', { by: delegation, at: 1 })],
    ['a bracket key with no hash at all', formatText(1, 'bracket', { by: delegation, at: 1 })],
    ['a bracket naming no delegation of the sitting', ownBracket({ by: 'zz', at: 1 })],
    ['a bracket whose `at` is not a number', ownBracket({ by: delegation, at: 'yesterday' })],
    ['a bracket with extra fields', ownBracket({ by: delegation, at: 1, style: 'display:none' })],
    ['a bracket whose value is a string', ownBracket(delegation)],
  ];
}
