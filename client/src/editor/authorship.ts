import * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';

/** A stretch of one Y.XmlText written with one Yjs client id; offsets count characters. */
export interface AuthorRun {
  from: number;
  to: number;
  client: number;
  /** the verified actor key (`chair`, `delegate:pk`, `server`), or null when the server never bound this client id */
  actor: string | null;
}

interface AuthorLookup {
  get(key: string): string | undefined;
}

/**
 * Who wrote each character of a text, read from Yjs itself: every live item carries the client id
 * that inserted it, and the server's `authors` map tells which actor owns that client id.
 */
export function authorshipRuns(ytext: Y.Text | Y.XmlText, authors: AuthorLookup): AuthorRun[] {
  const runs: AuthorRun[] = [];
  let offset = 0;
  for (let item = ytext._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const client = item.id.client;
    const last = runs.at(-1);
    if (last && last.client === client && last.to === offset) last.to += item.length;
    else runs.push({ from: offset, to: offset + item.length, client, actor: authors.get(String(client)) ?? null });
    offset += item.length;
  }
  return runs;
}

/** An authored stretch in ProseMirror positions. */
export interface AuthoredRange {
  from: number;
  to: number;
  actor: string | null;
}

/**
 * Maps the authorship of each block of the Yjs fragment onto the ProseMirror document built
 * from it (block i of one is block i of the other). A block whose lengths disagree — local
 * typing not yet written to Yjs — is skipped until the next refresh.
 */
export function documentAuthorship(doc: PMNode, fragment: Y.XmlFragment, authors: AuthorLookup): AuthoredRange[] {
  const blocks = fragment.toArray();
  const out: AuthoredRange[] = [];
  doc.forEach((node, pos, index) => {
    const y = blocks[index];
    if (!(y instanceof Y.XmlElement) || !node.isTextblock || y.nodeName !== node.type.name) return;
    const ranges: AuthoredRange[] = [];
    let offset = pos + 1;
    for (const child of y.toArray()) {
      if (child instanceof Y.XmlText) {
        for (const r of authorshipRuns(child, authors)) {
          const last = ranges.at(-1);
          if (last && last.actor === r.actor && last.to === offset + r.from) last.to = offset + r.to;
          else ranges.push({ from: offset + r.from, to: offset + r.to, actor: r.actor });
        }
        offset += child.length;
      } else offset += 1; // an inline leaf such as a hard break
    }
    if (offset === pos + node.nodeSize - 1) out.push(...ranges);
  });
  return out;
}

/** Actors in order of how much of the text they wrote, for the legend. */
export function authorsByShare(ranges: readonly AuthoredRange[]): { actor: string | null; chars: number }[] {
  const chars = new Map<string | null, number>();
  for (const r of ranges) chars.set(r.actor, (chars.get(r.actor) ?? 0) + r.to - r.from);
  return [...chars].map(([actor, n]) => ({ actor, chars: n })).sort((a, b) => b.chars - a.chars);
}
