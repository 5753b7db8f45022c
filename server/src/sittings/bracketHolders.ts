import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { isBracketKey, type Actor, type BracketAttrs } from '@plenary/shared';
import { bracketsUntouched } from './bracketQuick';

type Block = Y.XmlElement | Y.XmlText;

/** One character of a paragraph, by its Yjs id, with the bracket keys on it and who holds each. */
interface Char {
  id: string;
  brackets: Map<string, BracketAttrs>;
}

/** What an admitted update did to brackets: joined ones and lifted ones, per paragraph. */
export interface BracketEvents {
  /** the sender's delegation put its own bracket on words another delegation holds */
  joined: { block: Block; holders: string[] }[];
  /** the chair took other delegations' brackets off words */
  lifted: { block: Block; holders: string[] }[];
}

export type BracketVerdict = { ok: true; events: BracketEvents } | { ok: false; reason: string };

/**
 * The visible characters of a block in order, with their bracket keys. A Yjs text holds a bracket
 * as format items: a `bracket--…` item with a value opens it, one with null (or the next value)
 * closes it; a character carries every key whose last format item before it has a value.
 */
function charsOf(block: Block): Char[] {
  const chars: Char[] = [];
  const visit = (type: { _start: Y.Item | null }) => {
    const open = new Map<string, BracketAttrs>();
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      const content = item.content;
      if (content instanceof Y.ContentFormat) {
        if (!isBracketKey(content.key)) continue;
        const by = (content.value as { by?: unknown } | null)?.by;
        if (typeof by === 'string') open.set(content.key, content.value as BracketAttrs);
        else open.delete(content.key);
      } else if (content instanceof Y.ContentString) {
        for (let i = 0; i < content.str.length; i++) chars.push({ id: `${item.id.client}:${item.id.clock + i}`, brackets: new Map(open) });
      } else if (content instanceof Y.ContentType) {
        visit(content.type);
      }
    }
  };
  visit(block);
  return chars;
}

/** Whether a block holds a bracket mark at all: a walk of its items, nothing made per character. */
function holdsBracketMarks(block: Block): boolean {
  const visit = (type: { _start: Y.Item | null }): boolean => {
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      const content = item.content;
      if (content instanceof Y.ContentFormat && isBracketKey(content.key) && content.value !== null) return true;
      if (content instanceof Y.ContentType && visit(content.type)) return true;
    }
    return false;
  };
  return visit(block);
}

/** Every item of a block's subtree, the block's own item first. */
function itemsOf(block: Block): Y.Item[] {
  const items: Y.Item[] = [block._item!];
  const visit = (type: { _start: Y.Item | null }) => {
    for (let item = type._start; item !== null; item = item.right) {
      items.push(item);
      if (item.content instanceof Y.ContentType) visit(item.content.type);
    }
  };
  visit(block);
  return items;
}

/** Client ids an update names: its structs, what they hang on, and its deletions. */
function clientsNamedBy(update: Uint8Array): Set<number> {
  const { structs, ds } = Y.decodeUpdate(update);
  const clients = new Set<number>(ds.clients.keys());
  for (const s of structs) {
    clients.add(s.id.client);
    if (s instanceof Y.Item) {
      for (const id of [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null]) if (id) clients.add(id.client);
    }
  }
  return clients;
}

/**
 * A doc holding only `blocks` (their items with the same ids; every other clock a GC placeholder),
 * with `update` applied: Yjs itself places the update's items, so the result is exactly what the
 * real doc would hold in those blocks — at a cost of the blocks' size plus the update's, never the
 * whole doc. Returns each block's counterpart in the scratch doc.
 */
function applyToBlocks(doc: Y.Doc, blocks: readonly Block[], update: Uint8Array): Map<Block, Block | null> {
  const sv = { get: (client: number) => Y.getState(doc.store, client) };
  const perClient = new Map<number, Y.Item[]>();
  const roots = new Set<Y.Item>();
  for (const block of blocks) {
    roots.add(block._item!);
    for (const item of itemsOf(block)) {
      let list = perClient.get(item.id.client);
      if (!list) perClient.set(item.id.client, (list = []));
      list.push(item);
    }
  }
  for (const client of clientsNamedBy(update)) if (!perClient.has(client) && (sv.get(client) ?? 0) > 0) perClient.set(client, []);

  const encoder = new Y.UpdateEncoderV1();
  const deleted: [number, number, number][] = [];
  encoding.writeVarUint(encoder.restEncoder, perClient.size);
  for (const [client, items] of perClient) {
    items.sort((a, b) => a.id.clock - b.id.clock);
    const end = sv.get(client) ?? 0;
    // structs: the kept items, and a GC placeholder over each gap so that no clock is missing
    const runs: ({ gc: number } | Y.Item)[] = [];
    let clock = 0;
    for (const item of items) {
      if (item.id.clock > clock) runs.push({ gc: item.id.clock - clock });
      runs.push(item);
      if (item.deleted) deleted.push([client, item.id.clock, item.length]);
      clock = item.id.clock + item.length;
    }
    if (end > clock) runs.push({ gc: end - clock });
    encoding.writeVarUint(encoder.restEncoder, runs.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, 0);
    for (const run of runs) {
      if (!(run instanceof Y.Item)) {
        encoder.writeInfo(0);
        encoder.writeLen(run.gc);
      } else if (roots.has(run)) {
        // a block stands alone at the root: its neighbours are not copied
        encoder.writeInfo(run.content.getRef() & 0b11111);
        encoder.writeParentInfo(true);
        encoder.writeString('body');
        run.content.write(encoder, 0);
      } else run.write(encoder, 0);
    }
  }
  const byClient = new Map<number, [number, number][]>();
  for (const [client, clock, len] of deleted) {
    let ranges = byClient.get(client);
    if (!ranges) byClient.set(client, (ranges = []));
    ranges.push([clock, len]);
  }
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, ranges] of byClient) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const [clock, len] of ranges) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }

  const scratch = new Y.Doc({ gc: false });
  Y.applyUpdate(scratch, encoder.toUint8Array());
  Y.applyUpdate(scratch, update);
  const counterparts = new Map<Block, Block | null>();
  for (const block of blocks) {
    const item = Y.getItem(scratch.store, block._item!.id);
    counterparts.set(block, item instanceof Y.Item && !item.deleted && item.content instanceof Y.ContentType ? (item.content.type as Block) : null);
  }
  return counterparts;
}

/** Why a bracket in a name other than the sender's own delegation is refused (L8). */
export function foreignBracketReason(actor: Actor): string {
  return actor.role === 'delegate'
    ? 'a delegation can bracket text for itself only'
    : 'the chair does not hold brackets; a bracket is lifted by choosing the text to keep';
}

/** A bracket as one holder holds it: its key and the delegation its value names. */
const pairOf = (key: string, by: string) => `${key}\n${by}`;

/** For each (key, holder), the characters it covers. */
function coverage(chars: readonly Char[]): Map<string, { by: string; chars: Set<string> }> {
  const pairs = new Map<string, { by: string; chars: Set<string> }>();
  for (const c of chars) {
    for (const [key, { by }] of c.brackets) {
      const pair = pairOf(key, by);
      let p = pairs.get(pair);
      if (!p) pairs.set(pair, (p = { by, chars: new Set() }));
      p.chars.add(c.id);
    }
  }
  return pairs;
}

/**
 * The rules of brackets on one paragraph (L8, L9), from its characters before and after the update.
 * A bracket held by another delegation keeps its key, its holder and every character it covered:
 * only the chair takes it off words (lifting) or deletes those words. New characters may join it
 * (words typed inside it, an alternative offered), but new words without it may not split it. A
 * bracket that was not there must be the sender's own delegation's; the chair holds none.
 */
function judge(actor: Actor, before: readonly Char[], after: readonly Char[], block: Block, events: BracketEvents): string | null {
  const mine = actor.role === 'delegate' ? actor.delegation : undefined;
  const was = coverage(before);
  const now = coverage(after);
  for (const [pair, { by }] of now) {
    if (was.has(pair) || by === mine) continue;
    return foreignBracketReason(actor);
  }

  const old = new Set(before.map((c) => c.id));
  const alive = new Set(after.map((c) => c.id));
  const lifted = new Set<string>();
  for (const [pair, { by, chars }] of was) {
    if (by === mine) continue; // a delegation changes or withdraws its own bracket
    const still = now.get(pair)?.chars ?? new Set<string>();
    for (const id of chars) {
      if (still.has(id)) continue;
      if (actor.role !== 'chair') {
        return alive.has(id)
          ? 'a bracket belongs to the delegations holding it: only they remove, shrink or change it, or the chair lifts it'
          : 'the words of another delegation’s bracket are deleted only by the chair lifting it';
      }
      lifted.add(by);
    }
    for (const id of still) {
      if (old.has(id) && !chars.has(id)) return 'a bracket belongs to the delegations holding it: only they stretch it over more words';
    }
  }
  if (splitsBracket(after, old, mine)) return 'words typed inside another delegation’s bracket stay inside it';

  if (lifted.size > 0) events.lifted.push({ block, holders: [...lifted] });
  if (mine !== undefined) {
    const joined = new Set<string>();
    for (const c of after) {
      if (![...c.brackets].some(([key, a]) => a.by === mine && !was.has(pairOf(key, mine)))) continue;
      for (const a of c.brackets.values()) if (a.by !== mine) joined.add(a.by);
    }
    if (joined.size > 0) events.joined.push({ block, holders: [...joined] });
  }
  return null;
}

/** Whether a new character lacks another holder's bracket that the old characters on both sides of it carry. */
function splitsBracket(after: readonly Char[], old: ReadonlySet<string>, mine: string | undefined): boolean {
  const pairs = (c: Char | null) => new Set(c ? [...c.brackets].filter(([, a]) => a.by !== mine).map(([key, a]) => pairOf(key, a.by)) : []);
  // the nearest old character on the left of each position
  const leftOf: (Char | null)[] = [];
  let left: Char | null = null;
  for (const c of after) {
    leftOf.push(left);
    if (old.has(c.id)) left = c;
  }
  let right: Char | null = null;
  for (let i = after.length - 1; i >= 0; i--) {
    const c = after[i]!;
    if (old.has(c.id)) {
      right = c;
      continue;
    }
    const around = pairs(leftOf[i] ?? null);
    if (around.size === 0 || !right) continue;
    const own = pairs(c);
    for (const pair of pairs(right)) if (around.has(pair) && !own.has(pair)) return true;
  }
  return false;
}

/**
 * Checks an update against the holders of the brackets in the paragraphs it touches. A paragraph
 * the update surely leaves bracket-wise as it is (`bracketsUntouched`: typing and deleting around
 * brackets, the common case) costs a walk of its items; the others are compared fully.
 */
export function checkBracketHolders(doc: Y.Doc, actor: Actor, blocks: Iterable<Block>, update: Uint8Array): BracketVerdict {
  // a paragraph without brackets has no holders to check: the common case costs a walk of its items
  const bracketed = [...blocks].filter(holdsBracketMarks);
  if (bracketed.length === 0) return { ok: true, events: { joined: [], lifted: [] } };
  const untouched = bracketsUntouched(doc, actor, update);
  return checkBracketHoldersFully(doc, actor, bracketed.filter((b) => !untouched(b)), update);
}

/**
 * Checks an update against the holders of the brackets in the paragraphs it touches, by comparing
 * each such paragraph's bracketed characters before and after (see `applyToBlocks` for the cost).
 * Paragraphs without brackets are skipped: a new bracket there is checked from the update alone.
 */
export function checkBracketHoldersFully(doc: Y.Doc, actor: Actor, blocks: Iterable<Block>, update: Uint8Array): BracketVerdict {
  const events: BracketEvents = { joined: [], lifted: [] };
  const bracketed = [...blocks].map((b) => ({ block: b, before: charsOf(b) })).filter((b) => b.before.some((c) => c.brackets.size > 0));
  if (bracketed.length === 0) return { ok: true, events };
  const after = applyToBlocks(
    doc,
    bracketed.map((b) => b.block),
    update,
  );
  for (const { block, before } of bracketed) {
    const now = after.get(block);
    const reason = judge(actor, before, now ? charsOf(now) : [], block, events);
    if (reason) return { ok: false, reason };
  }
  return { ok: true, events };
}
