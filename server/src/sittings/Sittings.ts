import {
  actorKey,
  assignNumbers,
  communiqueParagraphs,
  delegationColor,
  docName,
  initSessionDoc,
  newId,
  PlenaryError,
  readSession,
  sessionDelegations,
  sessionMeta,
  setAssignedNumbers,
  COMMUNIQUE_FRAGMENT,
  communiqueAuthors,
  writeCommuniqueSkeleton,
  type CreateSessionBody,
  type CreateSessionResponse,
  type Delegation,
  type Role,
  type SessionView,
} from '@plenary/shared';
import type { InviteTokens } from '../auth/InviteTokens';
import type { DocStore, SittingRecord } from '../store/DocStore';
import type { RoomRegistry } from '../yjs/RoomRegistry';

export interface SittingsOptions {
  /** base of invite links, e.g. http://127.0.0.1:3000 */
  publicUrl: () => string;
  tokenDays: number;
}

/** "United Nations" → "UN", "Pakistan" → "PAK". */
export function shortCode(name: string): string {
  const words = name.split(/[\s-]+/).filter((w) => /^[A-Za-z]/.test(w) && !/^(of|the|and|for)$/i.test(w));
  if (words.length >= 2) return words.map((w) => w[0]!.toUpperCase()).join('').slice(0, 4);
  return name.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase() || name.slice(0, 3);
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** What the registry keeps of a sitting: enough to authenticate its participants. */
function registryRecord(sid: string, title: string, delegations: Delegation[], createdAt: number): SittingRecord {
  return { sid, title, delegations: delegations.map(({ id, name, color }) => ({ id, name, color })), createdAt };
}

/** Creating sittings, minting their invite links and reading their state. */
export class Sittings {
  constructor(
    private readonly store: DocStore,
    private readonly rooms: RoomRegistry,
    private readonly tokens: InviteTokens,
    private readonly opts: SittingsOptions,
  ) {}

  async create(body: CreateSessionBody): Promise<CreateSessionResponse> {
    const sid = body.sessionId ?? `${slug(body.title) || 'sitting'}-${newId().slice(0, 5)}`;
    if (await this.store.getSitting(sid)) throw new PlenaryError('CONFLICT', `A sitting with id "${sid}" already exists`);
    const delegations: Delegation[] = body.delegations.map((d, i) => ({
      id: d.id,
      name: d.name,
      short: d.short ?? shortCode(d.name),
      color: delegationColor(i),
      group: d.group ?? (d.id === body.host ? 'host' : 'region'),
    }));
    const createdAt = Date.now();
    // docs first, registry last: a sitting is only reachable once its docs are written
    const paragraphs = await this.rooms.with(docName(sid, 'communique'), (room) =>
      room.change({
        actor: 'server',
        run: (doc) => {
          if (doc.getXmlFragment(COMMUNIQUE_FRAGMENT).length === 0) {
            writeCommuniqueSkeleton(doc, body.communique ?? { title: body.title, preambular: [''], operative: [''] }, { kind: 'server' });
            communiqueAuthors(doc).set(String(doc.clientID), 'server');
          }
          return communiqueParagraphs(doc);
        },
      }),
    );
    await this.rooms.with(docName(sid, 'session'), (room) =>
      room.change({
        actor: 'server',
        run: (doc) => {
          if (sessionMeta(doc).size > 0) return;
          initSessionDoc(
            doc,
            {
              title: body.title,
              ...(body.venue ? { venue: body.venue } : {}),
              ...(body.date ? { date: body.date } : {}),
              ...(body.host ? { host: body.host } : {}),
              delegations,
              agenda: (body.agenda ?? []).map((item) => ({ id: newId('i-'), ...item })),
              createdAt,
            },
            { kind: 'server' },
          );
          // the initial numbers: PP1…, OP1… as the text was written (E4)
          setAssignedNumbers(doc, assignNumbers(paragraphs, 0, createdAt));
        },
      }),
    );
    await this.store.createSitting(registryRecord(sid, body.title, delegations, createdAt));
    return this.links(sid, body.tokenDays);
  }

  /**
   * Registers a sitting again from its session doc, which holds the same title, delegations and
   * creation time, when the store lost the record (N6). Nothing when it has one.
   */
  async restoreRecord(sid: string): Promise<void> {
    if (await this.store.getSitting(sid)) return;
    const record = await this.rooms.with(docName(sid, 'session'), (room) => {
      const meta = sessionMeta(room.doc);
      const title = meta.get('title');
      const createdAt = meta.get('createdAt');
      if (typeof title !== 'string' || typeof createdAt !== 'number') return null;
      return registryRecord(sid, title, sessionDelegations(room.doc).toArray(), createdAt);
    });
    if (record) await this.store.createSitting(record);
  }

  /** Fresh invite links for every role of a sitting, each of its invite's current generation. */
  async links(sid: string, days = this.opts.tokenDays): Promise<CreateSessionResponse> {
    const sitting = await this.store.getSitting(sid);
    if (!sitting) throw new PlenaryError('NOT_FOUND', `There is no sitting "${sid}"`);
    const link = (role: Role, del?: string) => this.link(sid, role, del, sitting.invites?.[actorKey({ role, delegation: del })] ?? 0, days);
    return {
      sessionId: sid,
      links: {
        chair: await link('chair'),
        observer: await link('observer'),
        delegates: await Promise.all(sitting.delegations.map(async (d) => ({ delegation: d.id, ...(await link('delegate', d.id)) }))),
      },
    };
  }

  /**
   * Revokes an invite — the chair's, the observers' or a delegation's — and mints its new link: tokens
   * of the old one are refused from now on (R9). Closing the connections still open is the caller's.
   */
  async revoke(sid: string, role: Role, delegation?: string): Promise<{ invite: string; generation: number; token: string; url: string }> {
    const sitting = await this.store.getSitting(sid);
    if (!sitting) throw new PlenaryError('NOT_FOUND', `There is no sitting "${sid}"`);
    if (role === 'delegate' && !sitting.delegations.some((d) => d.id === delegation)) {
      throw PlenaryError.of('NOT_FOUND', 'delegationNotInvited', { delegation: delegation ?? '' });
    }
    const invite = actorKey({ role, delegation });
    const generation = await this.store.revokeInvite(sid, invite);
    if (generation === null) throw new PlenaryError('NOT_FOUND', `There is no sitting "${sid}"`);
    return { invite, generation, ...(await this.link(sid, role, delegation, generation)) };
  }

  private async link(sid: string, role: Role, del: string | undefined, gen: number, days = this.opts.tokenDays): Promise<{ token: string; url: string }> {
    const token = await this.tokens.sign({ sid, role, ...(del ? { del } : {}), ...(gen ? { gen } : {}) }, days);
    return { token, url: `${this.opts.publicUrl()}/s/${encodeURIComponent(sid)}?token=${token}` };
  }

  async read(sid: string): Promise<SessionView> {
    return this.rooms.with(docName(sid, 'session'), (room) => readSession(room.doc));
  }
}
