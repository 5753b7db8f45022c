import { actorKey, CHAIR_COLOR, OBSERVER_COLOR, PlenaryError, type Actor } from '@plenary/shared';
import type { DocStore } from '../store/DocStore';
import type { InviteTokens } from './InviteTokens';

export interface AuthenticatedActor extends Actor {
  color: string;
}

/** Who a connection is, and what its invite allows it for how long: an open connection closes when either ends (R8, R9). */
export interface Admitted {
  actor: AuthenticatedActor;
  /** the token's expiry, ms since epoch */
  expiresAt: number;
  /** the generation of the invite the token was minted for (0 before any revocation) */
  generation: number;
}

/**
 * Who is behind a token, for sitting `sid` when the transport names one. Refuses forged,
 * expired and other-sitting tokens, unknown sittings, delegations no longer invited and invites
 * revoked since the token was minted. Reads only the sittings registry: no doc is loaded for a stranger.
 */
export async function admit(tokens: InviteTokens, store: DocStore, token: string | undefined | null, sid?: string): Promise<Admitted> {
  const claims = await tokens.verify(token);
  if (sid !== undefined && claims.sid !== sid) throw PlenaryError.of('UNAUTHORIZED', 'tokenOtherSitting');
  const sitting = await store.getSitting(claims.sid);
  if (!sitting) throw PlenaryError.of('UNAUTHORIZED', 'tokenSittingMissing');
  const actor = actorOf(claims, sitting.delegations);
  const generation = claims.gen ?? 0;
  if (generation < (sitting.invites?.[actorKey(actor)] ?? 0)) throw PlenaryError.of('UNAUTHORIZED', 'inviteRevoked');
  return { actor, expiresAt: claims.exp * 1000, generation };
}

function actorOf(claims: { sid: string; role: Actor['role']; del?: string | undefined }, delegations: { id: string; name: string; color: string }[]): AuthenticatedActor {
  switch (claims.role) {
    case 'chair':
      return { sid: claims.sid, role: 'chair', name: 'Chair', color: CHAIR_COLOR };
    case 'observer':
      return { sid: claims.sid, role: 'observer', name: 'Observer', color: OBSERVER_COLOR };
    case 'delegate': {
      const delegation = delegations.find((d) => d.id === claims.del);
      if (!delegation) throw PlenaryError.of('UNAUTHORIZED', 'tokenDelegationNotInvited');
      return { sid: claims.sid, role: 'delegate', delegation: delegation.id, name: delegation.name, color: delegation.color };
    }
  }
}

/** `admit`, for channels that keep nothing open (REST). */
export async function authenticate(tokens: InviteTokens, store: DocStore, token: string | undefined | null, sid?: string): Promise<AuthenticatedActor> {
  return (await admit(tokens, store, token, sid)).actor;
}
