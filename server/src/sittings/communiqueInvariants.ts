import * as Y from 'yjs';
import { attributeRefusal, COMMUNIQUE_SCHEMA, elementRule, formatRefusal, NODE, type SchemaContext } from '@plenary/shared';
import type { UpdateScope, Write } from '../yjs/updateScope';

/**
 * The live paragraphs of a communiqué by id, kept up to date as the doc changes, so that checking
 * an update's ids costs the update, not a walk over the text (L11).
 */
export class ParagraphIndex {
  private readonly byId = new Map<string, Set<Y.XmlElement>>();
  private readonly idOf = new Map<Y.XmlElement, string>();

  constructor(readonly body: Y.XmlFragment) {
    for (const node of body.toArray()) if (node instanceof Y.XmlElement) this.track(node);
    body.observeDeep((events) => {
      for (const event of events) {
        if (event.target === body) {
          for (const item of event.changes.deleted) if (item.content instanceof Y.ContentType) this.untrack(item.content.type as Y.XmlElement);
          for (const item of event.changes.added) if (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlElement) this.track(item.content.type);
        } else if (event.target.parent === body && event.target instanceof Y.XmlElement && (event as Y.YXmlEvent).attributesChanged.has('id')) {
          this.untrack(event.target);
          if (!event.target._item?.deleted) this.track(event.target);
        }
      }
    });
  }

  private track(el: Y.XmlElement): void {
    const id = el.nodeName === NODE.paragraph ? el.getAttribute('id') : undefined;
    if (typeof id !== 'string' || !id) return;
    this.idOf.set(el, id);
    let set = this.byId.get(id);
    if (!set) this.byId.set(id, (set = new Set()));
    set.add(el);
  }

  private untrack(el: Y.XmlElement): void {
    const id = this.idOf.get(el);
    if (id === undefined) return;
    this.idOf.delete(el);
    const set = this.byId.get(id);
    set?.delete(el);
    if (set?.size === 0) this.byId.delete(id);
  }

  /** The live paragraphs carrying an id. */
  holders(id: string): ReadonlySet<Y.XmlElement> {
    return this.byId.get(id) ?? new Set();
  }
}

const indexes = new WeakMap<Y.Doc, ParagraphIndex>();
export function paragraphIndex(doc: Y.Doc): ParagraphIndex {
  let index = indexes.get(doc);
  if (!index) indexes.set(doc, (index = new ParagraphIndex(doc.getXmlFragment('body'))));
  return index;
}

const typeName = (content: Y.Item['content']): string | null => {
  if (!(content instanceof Y.ContentType)) return null;
  const type = content.type;
  return type instanceof Y.XmlElement ? type.nodeName : type instanceof Y.XmlText ? 'text' : null;
};

/** Why one new item breaks the communiqué's schema, or null. */
function writeRefusal({ item, into, key }: Write, context: SchemaContext): string | null {
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return null; // nothing is stored
  const name = typeName(content);
  switch (into.kind) {
    case 'fragment':
      if (key !== null) return 'the communiqué holds no attributes of its own';
      if (name === 'text') return 'text stands inside a paragraph or the title, never on its own at the top of the communiqué';
      if (name === null || !(COMMUNIQUE_SCHEMA.blocks as readonly string[]).includes(name)) return `only the title and paragraphs stand at the top of the communiqué, not “${String(name ?? 'data').slice(0, 40)}”`;
      return null;
    case 'element': {
      const rule = elementRule(into.name);
      if (!rule) return `unknown element “${into.name.slice(0, 40)}”`;
      if (key !== null) {
        if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return `a ${into.name}'s “${key.slice(0, 40)}” holds one plain value`;
        return attributeRefusal(into.name, key, content.arr[0], context);
      }
      if (name === null || !rule.children.includes(name)) return `a ${into.name} holds text and line breaks only, not “${String(name ?? 'data').slice(0, 40)}”`;
      return null;
    }
    case 'text':
      if (key !== null) return 'text carries formatting, not attributes';
      if (content instanceof Y.ContentString) return null;
      if (content instanceof Y.ContentFormat) return formatRefusal(content.key, content.value, context);
      return 'text holds characters and formatting only';
    case 'gone':
      return null; // written into a deleted paragraph: Yjs keeps none of it
    case 'other':
      return 'the edit writes outside the communiqué’s text';
  }
}

/** Why an update breaks the communiqué's schema (L10), or null: only known nodes where the schema allows them, known attributes and formatting of the right shape. */
export function schemaRefusal(scope: UpdateScope, context: SchemaContext): string | null {
  for (const write of scope.writes) {
    const reason = writeRefusal(write, context);
    if (reason) return reason;
  }
  return null;
}

/**
 * Why an update breaks paragraph identity (L11), or null: an id is set once and never changed or
 * removed, and no two live paragraphs carry the same one. A paragraph sharing its id with another
 * (stored before this rule) may take a fresh one.
 */
export function paragraphIdRefusal(scope: UpdateScope, index: ParagraphIndex): string | null {
  const newIds = new Map<string, unknown>(); // id → the paragraph (element or new item) taking it
  const taking = new Set<Y.XmlElement>();
  for (const { item, into, key } of scope.writes) {
    if (key !== 'id' || into.kind !== 'element' || into.name !== NODE.paragraph) continue;
    if (!(item.content instanceof Y.ContentAny) || scope.deletedNew.has(item)) continue;
    const id = item.content.arr[0];
    if (typeof id !== 'string') continue; // the schema check refuses it
    const paragraph = into.existing ?? into.item;
    if (into.existing) {
      const current = into.existing.getAttribute('id');
      if (typeof current === 'string' && current && current !== id && index.holders(current).size < 2) {
        return 'a paragraph’s id is set once and never changes: its status, comments and number follow it';
      }
      taking.add(into.existing);
    }
    const other = newIds.get(id);
    if (other !== undefined && other !== paragraph) return `two paragraphs cannot both take the id ${id}`;
    newIds.set(id, paragraph);
    for (const holder of index.holders(id)) {
      if (holder !== into.existing && !scope.deletedBlocks.has(holder)) return `the paragraph id ${id} is taken: each paragraph has its own`;
    }
  }
  for (const { element, key } of scope.deletedAttributes) {
    if (key !== 'id' || element.nodeName !== NODE.paragraph || element.parent !== index.body || scope.deletedBlocks.has(element) || taking.has(element)) continue;
    return 'a paragraph’s id is never removed: its status, comments and number follow it';
  }
  return null;
}
