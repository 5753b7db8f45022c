import * as Y from 'yjs';
import { createHash } from 'node:crypto';
import {
  actorKey,
  communiqueAuthors,
  currentSilence,
  docName,
  isBracketKey,
  newId,
  parseDocName,
  sessionComments,
  sessionDelegations,
  silenceCovers,
  statusOf,
  type Comment,
} from '@plenary/shared';
import type { Admission, RoomConnection, RoomPolicy } from '../yjs/Room';
import type { RoomRegistry } from '../yjs/RoomRegistry';
import { updateScope, type UpdateScope } from '../yjs/updateScope';
import { appendBracketFeed } from '../commands/feed';
import { TokenBucket, type Rate } from '../limits/TokenBucket';
import { RATE_LIMITED_CLOSE } from '../yjs/YjsEndpoint';
import { checkBracketHolders, foreignBracketReason, type BracketEvents } from './bracketHolders';
import { paragraphIdRefusal, paragraphIndex, schemaRefusal } from './communiqueInvariants';

/** Close codes that tell a client why its doc was refused; 4409 means "drop your copy and resync". */
export const CLOSE = {
  lockedParagraph: 4409,
  foreignClientId: 4403,
  outsideText: 4400,
  /** content the communiqué's schema does not allow, or a paragraph id taken, changed or removed (L10, L11) */
  invalidContent: 4400,
  /** an edit of a bracket held by another delegation (L9), like HTTP 423 Locked */
  heldBracket: 4423,
} as const;

/** Formatting keys already present in a block's text. */
function keysIn(block: Y.XmlElement | Y.XmlText): Set<string> {
  const keys = new Set<string>();
  const visit = (node: Y.XmlElement | Y.XmlText) => {
    if (node instanceof Y.XmlText) {
      for (const d of node.toDelta() as { attributes?: Record<string, unknown> }[]) for (const k of Object.keys(d.attributes ?? {})) keys.add(k);
    } else for (const c of node.toArray()) if (c instanceof Y.XmlElement || c instanceof Y.XmlText) visit(c);
  };
  visit(block);
  return keys;
}

/**
 * A bracket is held by the delegation that set it: a new bracket must name the sender's own
 * delegation (the chair holds none). Yjs re-inserts an existing bracket's mark when text around
 * it changes; a key already in the paragraph is such a restoration, not a new bracket.
 */
function checkBrackets(conn: RoomConnection, scope: UpdateScope): string | null {
  const existing = new Map<Y.XmlElement | Y.XmlText, Set<string>>();
  for (const { block, key, value } of scope.formats) {
    if (!isBracketKey(key) || value === null || value === undefined) continue;
    const by = (value as { by?: unknown }).by;
    if (conn.actor.role === 'delegate' && by === conn.actor.delegation) continue;
    if (block) {
      if (!existing.has(block)) existing.set(block, keysIn(block));
      if (existing.get(block)!.has(key)) continue;
    }
    return foreignBracketReason(conn.actor);
  }
  return null;
}

/** The most of one refused edit kept as a comment, in characters; the rest is cut off. */
export const MAX_KEPT_EDIT_CHARS = 2000;
/** The most text kept from one actor's refused edits in a sitting, in characters (L2). */
export const MAX_KEPT_CHARS_PER_ACTOR = 50_000;

const NO_BUDGET: Rate = { perSecond: 0, burst: 0 };
/** Told to a participant whose bracket checks used up their budget (K11); the client reconnects and sends the edit again. */
export const BRACKET_CHECK_SPENT = 'rate limit: your edits of bracketed paragraphs took the server too long to check; wait a moment, they are sent again';

function refuse(reason: string, code: number, onRefused?: () => void): Admission {
  return { ok: false, reason, close: { code, reason }, ...(onRefused ? { onRefused } : {}) };
}

/**
 * The communiqué's rules on client updates: only the text fragment is written; each Yjs client id
 * belongs to the actor who first wrote with it; agreed paragraphs and those under a running silence
 * are locked — typing refused
 * there is kept as a comment on the paragraph, so nothing typed is lost.
 */
export async function communiquePolicy(rooms: RoomRegistry, name: string, opts: { bracketCheckMs?: Rate } = {}): Promise<RoomPolicy | undefined> {
  const parsed = parseDocName(name);
  if (!parsed || parsed.kind !== 'communique') return undefined;
  /**
   * The bracket holders' check costs the size of each bracketed paragraph an update touches, not the
   * update's (L9): each actor's checks are paid from a budget of milliseconds (K11), so no participant
   * can hold the server with updates that are cheap to send and dear to check.
   */
  const checkBudgets = new Map<string, TokenBucket>();
  const budgetOf = (actor: string): TokenBucket => {
    let b = checkBudgets.get(actor);
    if (!b) checkBudgets.set(actor, (b = new TokenBucket(opts.bracketCheckMs ?? NO_BUDGET)));
    return b;
  };
  const session = await rooms.open(docName(parsed.sid, 'session'));
  const release = session.hold();
  const kept = new Set<string>();
  /** characters kept so far per actor, counted from the session doc the first time an actor is refused */
  const keptChars = new Map<string, number>();
  const keptBy = (actor: string): number => {
    let n = keptChars.get(actor);
    if (n === undefined) {
      n = 0;
      for (const c of sessionComments(session.doc).values()) if (c.kind === 'kept-edit' && c.author === actor) n += c.text.length;
      keptChars.set(actor, n);
    }
    return n;
  };
  /** Why nothing more of this actor's refused text can be kept, or null (K10). */
  const cannotKeep = (actor: string): string | null => {
    if (keptBy(actor) >= MAX_KEPT_CHARS_PER_ACTOR) return `your delegation's refused edits already fill the ${MAX_KEPT_CHARS_PER_ACTOR} characters kept`;
    // a comment, its id and its fields: a few hundred bytes beyond its text
    if (!session.fits(4 * MAX_KEPT_EDIT_CHARS + 512)) return 'the session document is full';
    return null;
  };

  const keepAsComment = (conn: RoomConnection, paragraphId: string, typed: string) => {
    const actor = actorKey(conn.actor);
    if (cannotKeep(actor)) return;
    // cut on a character boundary, the ellipsis counted in the actor's budget
    const limit = Math.min(MAX_KEPT_EDIT_CHARS, MAX_KEPT_CHARS_PER_ACTOR - keptBy(actor) - 1);
    const text = typed.length > limit ? `${[...typed.slice(0, limit)].join('').replace(/[\uD800-\uDBFF]$/, '')}…` : typed;
    const digest = createHash('sha256').update(`${actor}\n${paragraphId}\n${text}`).digest('hex');
    if (kept.has(digest)) return; // a client that resends the same refused edit
    kept.add(digest);
    keptChars.set(actor, keptBy(actor) + text.length);
    const id = newId('c-');
    const comment: Comment = {
      id,
      paragraphId,
      text,
      author: actorKey(conn.actor),
      name: conn.actor.name,
      at: Date.now(),
      kind: 'kept-edit',
    };
    void session
      .change({ actor: 'server', run: (doc) => sessionComments(doc).set(id, comment) })
      .catch(() => {
        kept.delete(digest);
        keptChars.set(actor, keptBy(actor) - text.length);
      });
  };

  /** Brackets joined and lifted are edits of the text, not commands: the feed hears of them here (F1). */
  const noteBrackets = (conn: RoomConnection, communique: Y.Doc, events: BracketEvents) => {
    const now = Date.now();
    const lines = [
      ...events.joined.map((e) => ({ key: 'bracket.join' as const, ...e })),
      ...events.lifted.map((e) => ({ key: 'bracket.lift' as const, ...e })),
    ].filter((e) => e.block instanceof Y.XmlElement);
    void session
      .change({
        actor: 'server',
        run: (doc) => {
          for (const { key, block, holders } of lines) {
            appendBracketFeed(doc, { actor: conn.actor, key, holders, paragraphId: String((block as Y.XmlElement).getAttribute('id')), communique, now });
          }
        },
      })
      .catch(() => {});
  };

  return {
    admit(conn, update, doc): Admission {
      const scope = updateScope(doc, update);
      if (scope.otherRoots.size > 0) return refuse('only the text of the communiqué can be edited', CLOSE.outsideText);
      if (scope.unresolved) return refuse('the edit depends on text the server does not have; resynchronise', CLOSE.outsideText);

      const me = actorKey(conn.actor);
      const authors = communiqueAuthors(doc);
      const unbound: number[] = [];
      for (const client of scope.clients) {
        const owner = authors.get(String(client));
        if (owner === undefined) unbound.push(client);
        else if (owner !== me) return refuse(`Yjs client id ${client} belongs to another participant`, CLOSE.foreignClientId);
      }

      // the text's shape and its paragraphs' identities hold on every update (L10, L11)
      let delegations: Set<string> | undefined;
      const context = {
        get delegations() {
          return (delegations ??= new Set(sessionDelegations(session.doc).toArray().map((d) => d.id)));
        },
      };
      const malformed = schemaRefusal(scope, context) ?? paragraphIdRefusal(scope, paragraphIndex(doc));
      if (malformed) return refuse(malformed, CLOSE.invalidContent);

      const bracketRefusal = checkBrackets(conn, scope);
      if (bracketRefusal) return refuse(bracketRefusal, CLOSE.heldBracket);

      // agreed paragraphs, and those under a running silence, are frozen (L2, L6)
      const silence = currentSilence(session.doc);
      const agreed = (b: Y.XmlElement) => statusOf(session.doc, String(b.getAttribute('id'))) === 'agreed';
      const silenced = (b: Y.XmlElement) => silenceCovers(silence, String(b.getAttribute('id')), b.getAttribute('kind'));
      const locked = [...scope.blocks].filter((b): b is Y.XmlElement => b instanceof Y.XmlElement && (agreed(b) || silenced(b)));
      if (locked.length > 0) {
        const notKept = cannotKeep(actorKey(conn.actor));
        const why = locked.some(agreed)
          ? 'the paragraph was agreed meanwhile: its text is locked'
          : 'the paragraph is under a silence procedure: its text is frozen';
        const reason = notKept ? `${why}; what you typed was not kept: ${notKept}` : `${why}; what you typed is kept as a comment on it`;
        return refuse(reason, CLOSE.lockedParagraph, () => {
          for (const p of locked) {
            const typed = scope.insertedText.get(p)?.trim();
            if (typed) keepAsComment(conn, String(p.getAttribute('id')), typed);
          }
        });
      }
      const budget = budgetOf(me);
      if (scope.blocks.size > 0 && !budget.hasAny()) return refuse(BRACKET_CHECK_SPENT, RATE_LIMITED_CLOSE);
      const started = performance.now();
      const held = checkBracketHolders(doc, conn.actor, scope.blocks, update);
      budget.spend(performance.now() - started);
      if (!held.ok) return refuse(held.reason, CLOSE.heldBracket);
      const noted = held.events.joined.length + held.events.lifted.length > 0;
      if (unbound.length === 0 && !noted) return { ok: true };
      return {
        ok: true,
        after: (d) => {
          if (noted) noteBrackets(conn, d, held.events);
          if (unbound.length === 0) return;
          d.transact(() => {
            // the binding itself is written with the server's client id: bind that one too
            if (!authors.has(String(d.clientID))) authors.set(String(d.clientID), 'server');
            for (const client of unbound) authors.set(String(client), me);
          }, { kind: 'server' });
        },
      };
    },
    release,
  };
}
