import { readFile } from 'node:fs/promises';
import { communiqueSnapshot, docName, type CommuniqueSnapshot, type SessionView } from '@plenary/shared';
import { authenticate } from '../auth/authenticate';
import type { InviteTokens } from '../auth/InviteTokens';
import type { Sittings } from '../sittings/Sittings';
import type { DocStore } from '../store/DocStore';
import type { RoomRegistry } from '../yjs/RoomRegistry';

export interface FirstPaintDeps {
  tokens: InviteTokens;
  store: DocStore;
  sittings: Sittings;
  rooms: RoomRegistry;
}

const ROOT = '<div id="root"></div>';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The sitting as it stands, as plain HTML: its title, its agenda and the communiqué's text. No words of the interface. */
export function renderFirstPaint(view: SessionView, text: CommuniqueSnapshot): string {
  const where = [view.meta.venue, view.meta.date].filter(Boolean).map((w) => `<bdi>${esc(w!)}</bdi>`).join(' · ');
  const agenda = view.agenda.map((i) => `<li data-state="${esc(i.state)}" dir="auto">${esc(i.title)}</li>`).join('');
  const paragraphs = text.paragraphs
    .map((p) => {
      const runs = p.runs.map((r) => (r.brackets.length > 0 ? `[${esc(r.text)}]` : esc(r.text))).join('');
      return `<li><span class="first-paint__label">${esc(p.label ?? '')}</span> <span dir="auto">${runs}</span></li>`;
    })
    .join('');
  return (
    `<div class="first-paint" data-testid="first-paint" aria-busy="true">` +
    `<header class="first-paint__header"><h1 dir="auto">${esc(view.meta.title)}</h1>${where ? `<p>${where}</p>` : ''}</header>` +
    `<div class="first-paint__columns"><ol class="first-paint__agenda">${agenda}</ol>` +
    `<section class="first-paint__text"><h2 dir="auto">${esc(text.title)}</h2><ol>${paragraphs}</ol></section></div></div>`
  );
}

/**
 * The page of an invite's first load with the sitting already in it (O3): over a slow link the
 * text can be read before the scripts arrive, which then replace it with the live workspace.
 * Only for a valid token of that sitting; anything else gets the plain page.
 */
export async function firstPaintPage(deps: FirstPaintDeps, indexFile: string, sid: string, token: string | undefined): Promise<string> {
  const page = await readFile(indexFile, 'utf8');
  if (!token || !page.includes(ROOT)) return page;
  try {
    await authenticate(deps.tokens, deps.store, token, sid);
    const view = await deps.sittings.read(sid);
    const text = await deps.rooms.with(docName(sid, 'communique'), (room) => communiqueSnapshot(room.doc, view.numbers));
    return page.replace(ROOT, `<div id="root">${renderFirstPaint(view, text)}</div>`);
  } catch {
    return page;
  }
}

/** `/s/<sid>?token=…` (the workspace of an invite link): the sitting; anything else: null. */
export function invitedSitting(req: { path: string; query: Record<string, unknown> }): string | null {
  const m = /^\/s\/([^/]+)\/?$/.exec(req.path);
  if (!m?.[1] || typeof req.query.token !== 'string') return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}
