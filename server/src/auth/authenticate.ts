import { CHAIR_COLOR, OBSERVER_COLOR, PlenaryError, type Actor } from '@plenary/shared';
import type { DocStore } from '../store/DocStore';
import type { InviteTokens } from './InviteTokens';

export interface AuthenticatedActor extends Actor {
  color: string;
}

/**
 * Who is behind a token, for sitting `sid` when the transport names one. Refuses forged,
 * expired and other-sitting tokens, unknown sittings and delegations no longer invited.
 * Reads only the sittings registry: no doc is loaded for a stranger.
 */
export async function authenticate(
  tokens: InviteTokens,
  store: DocStore,
  token: string | undefined | null,
  sid?: string,
): Promise<AuthenticatedActor> {
  const claims = await tokens.verify(token);
  if (sid !== undefined && claims.sid !== sid) throw PlenaryError.of('UNAUTHORIZED', 'tokenOtherSitting');
  const sitting = await store.getSitting(claims.sid);
  if (!sitting) throw PlenaryError.of('UNAUTHORIZED', 'tokenSittingMissing');
  switch (claims.role) {
    case 'chair':
      return { sid: claims.sid, role: 'chair', name: 'Chair', color: CHAIR_COLOR };
    case 'observer':
      return { sid: claims.sid, role: 'observer', name: 'Observer', color: OBSERVER_COLOR };
    case 'delegate': {
      const index = sitting.delegations.findIndex((d) => d.id === claims.del);
      const delegation = sitting.delegations[index];
      if (!delegation) throw PlenaryError.of('UNAUTHORIZED', 'tokenDelegationNotInvited');
      return { sid: claims.sid, role: 'delegate', delegation: delegation.id, name: delegation.name, color: delegation.color };
    }
  }
}
