import type { CommandContext } from './context';

/** The new link of a revoked invite (R9), as the preparation minted it: the command's result. */
export interface RevokedInvite {
  invite: string;
  token: string;
  url: string;
}

/** `invite.revoke`: the registry and the open connections were dealt with in its preparation; the feed line follows. */
export function revokeInvite(ctx: CommandContext): RevokedInvite {
  const { invite, token, url } = ctx.prepared as RevokedInvite;
  return { invite, token, url };
}
