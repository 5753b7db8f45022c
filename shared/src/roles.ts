import type { Role } from './schemas';

export type { Role } from './schemas';

/** What a role may do; the server checks these, the UI only uses them to hide controls. */
export type Right =
  /** write the communiqué over Yjs */
  | 'draft'
  /** agenda, floor, timers, paragraph status, revisions, endorsing CBMs, the sitting's state */
  | 'preside'
  /** request the floor, point of order, comment, propose/co-sponsor CBMs, own commitments */
  | 'participate';

export const RIGHTS: Record<Role, Record<Right, boolean>> = {
  chair: { draft: true, preside: true, participate: true },
  delegate: { draft: true, preside: false, participate: true },
  observer: { draft: false, preside: false, participate: false },
};

export function can(role: Role, right: Right): boolean {
  return RIGHTS[role][right];
}

/** Who is acting: decided once, when a connection is authenticated. */
export interface Actor {
  sid: string;
  role: Role;
  /** delegation id; delegates only */
  delegation?: string;
  /** display name: the delegation's name, "Chair" or "Observer" */
  name: string;
}

/** A stable key for an actor within a sitting, used for attribution and command ids. */
export function actorKey(actor: Pick<Actor, 'role' | 'delegation'>): string {
  return actor.role === 'delegate' ? `delegate:${actor.delegation}` : actor.role;
}
