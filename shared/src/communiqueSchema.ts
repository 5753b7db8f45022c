import { NODE } from './communique';

/**
 * The communiqué's document schema as stored in Yjs (`XmlFragment 'body'`): the one definition the
 * editor's schema is checked against and the server checks every client update with (L10).
 *
 * body      := (heading | paragraph)*            top level: elements only, never raw text
 * heading   := (text | hardBreak)*   attributes: level = 1
 * paragraph := (text | hardBreak)*   attributes: id (set once, unique: L11), kind = pp | op | text
 * hardBreak := nothing               attributes: none
 * text      := characters with formatting: bold, italic, underline = {}, bracket--<hash> = {by, at?}
 */

/** A check of one stored value: null when it is fine, else why not (in words a person can act on). */
export type ValueCheck = (value: unknown, context: SchemaContext) => string | null;

/** What a value check may need to know about the sitting. */
export interface SchemaContext {
  /** the delegations of the sitting: a bracket names one of them */
  delegations: ReadonlySet<string>;
}

/** A paragraph id: what `newId('p-')` makes, and ids of other shapes typed by tools (letters, digits, `-`, `_`). */
export const PARAGRAPH_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const PARAGRAPH_KINDS = ['pp', 'op', 'text'] as const;
/** The heading levels the editor offers: the title only. */
export const HEADING_LEVELS = [1] as const;

/** The bracket mark (one per holding delegation), stored by the Yjs binding as `bracket--<8-character hash>`. */
export const BRACKET_MARK = 'bracket';
/** The key of a bracket as stored: the binding hashes the mark's value into 8 base64 characters. */
export const BRACKET_KEY = /^bracket--[A-Za-z0-9+/=]{8}$/;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const paragraphId: ValueCheck = (v) => (typeof v === 'string' && PARAGRAPH_ID.test(v) ? null : 'a paragraph id is 1–64 letters, digits, `-` or `_`');
const paragraphKind: ValueCheck = (v) => ((PARAGRAPH_KINDS as readonly unknown[]).includes(v) ? null : `a paragraph's kind is ${PARAGRAPH_KINDS.join(', ')}`);
const headingLevel: ValueCheck = (v) => ((HEADING_LEVELS as readonly unknown[]).includes(v) ? null : 'the title is a heading of level 1');
/** Bold, italic and underline carry no attributes: the binding stores `{}`. */
const plainMark: ValueCheck = (v) => (isPlainObject(v) && Object.keys(v).length === 0 ? null : 'bold, italic and underline carry no value');
const bracketValue: ValueCheck = (v, context) => {
  if (!isPlainObject(v) || Object.keys(v).some((k) => k !== 'by' && k !== 'at')) return 'a bracket is {by, at}';
  if (typeof v.by !== 'string' || !context.delegations.has(v.by)) return 'a bracket names a delegation of the sitting';
  // brackets stored without a time read back with `at: null`, which the editor writes again as it is
  if (v.at !== undefined && v.at !== null && (typeof v.at !== 'number' || !Number.isFinite(v.at) || v.at < 0)) return 'a bracket’s `at` is when it was set, in ms';
  return null;
};

export interface ElementRule {
  /** what may stand inside: `text` (an XmlText) and the names of inline elements */
  children: readonly string[];
  /** the attributes it may carry, each with the shape of its value */
  attributes: Readonly<Record<string, ValueCheck>>;
}

export const COMMUNIQUE_SCHEMA = {
  /** the elements that may stand at the top of the text, in any order */
  blocks: [NODE.heading, NODE.paragraph],
  elements: {
    [NODE.heading]: { children: ['text', 'hardBreak'], attributes: { level: headingLevel } },
    [NODE.paragraph]: { children: ['text', 'hardBreak'], attributes: { id: paragraphId, kind: paragraphKind } },
    hardBreak: { children: [], attributes: {} },
  } satisfies Record<string, ElementRule>,
  /** formatting of text: mark name → the shape of its value; `bracket` is stored under hashed keys */
  marks: { bold: plainMark, italic: plainMark, underline: plainMark, [BRACKET_MARK]: bracketValue } satisfies Record<string, ValueCheck>,
} as const;

export type CommuniqueElementName = keyof typeof COMMUNIQUE_SCHEMA.elements;

export function elementRule(name: string): ElementRule | undefined {
  return Object.hasOwn(COMMUNIQUE_SCHEMA.elements, name) ? COMMUNIQUE_SCHEMA.elements[name as CommuniqueElementName] : undefined;
}

/** The mark a stored formatting key stands for: `bold` → bold, `bracket--AbCd12+/` → bracket; anything else undefined. */
export function markOfKey(key: string): keyof typeof COMMUNIQUE_SCHEMA.marks | undefined {
  if (BRACKET_KEY.test(key)) return BRACKET_MARK;
  return key !== BRACKET_MARK && Object.hasOwn(COMMUNIQUE_SCHEMA.marks, key) ? (key as keyof typeof COMMUNIQUE_SCHEMA.marks) : undefined;
}

/** Why a formatting key and value may not be stored in the communiqué's text, or null when they may. null removes a mark. */
export function formatRefusal(key: string, value: unknown, context: SchemaContext): string | null {
  const mark = markOfKey(key);
  if (!mark) return `unknown formatting “${key.slice(0, 40)}”`;
  if (value === null) return null;
  return COMMUNIQUE_SCHEMA.marks[mark](value, context);
}

/** Why an attribute may not be stored on an element, or null when it may. */
export function attributeRefusal(element: string, key: string, value: unknown, context: SchemaContext): string | null {
  const rule = elementRule(element);
  if (!rule) return `unknown element “${element.slice(0, 40)}”`;
  const check = Object.hasOwn(rule.attributes, key) ? rule.attributes[key] : undefined;
  if (!check) return `a ${element} has no attribute “${key.slice(0, 40)}”`;
  return check(value, context);
}
