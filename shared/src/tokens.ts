import { z } from 'zod';
import { DelegationId, Role, SessionId } from './schemas';

/** Claims of an invite token (JWT, HS256). `del` is set for delegates only. */
export const InviteClaims = z
  .object({
    sid: SessionId,
    role: Role,
    del: DelegationId.optional(),
    exp: z.number(),
    /** the invite's generation: a token of an earlier one than the sitting's is revoked (R9); absent = 0 */
    gen: z.number().int().min(1).optional(),
  })
  .refine((c) => (c.role === 'delegate') === (c.del !== undefined), {
    message: 'a delegate token names exactly one delegation; other roles name none',
  });
export type InviteClaims = z.infer<typeof InviteClaims>;
