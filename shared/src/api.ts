import { z } from 'zod';
import { DelegationGroup, DelegationId, SessionId } from './schemas';

/** Body of `POST /api/sessions`. */
export const CreateSessionBody = z
  .object({
    /** chosen by the caller, or generated */
    sessionId: SessionId.optional(),
    title: z.string().trim().min(1).max(200),
    venue: z.string().trim().max(200).optional(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is yyyy-mm-dd')
      .optional(),
    host: DelegationId.optional(),
    delegations: z
      .array(
        z.object({
          id: DelegationId,
          name: z.string().trim().min(1).max(120),
          short: z.string().trim().min(1).max(12).optional(),
          group: DelegationGroup.optional(),
        }),
      )
      .min(1)
      .max(400)
      .refine((ds) => new Set(ds.map((d) => d.id)).size === ds.length, 'delegation ids must be unique'),
    agenda: z
      .array(
        z.object({
          title: z.string().trim().min(1).max(300),
          description: z.string().max(4000).optional(),
          durationMin: z.number().int().min(1).max(24 * 60).optional(),
        }),
      )
      .max(200)
      .optional(),
    communique: z
      .object({
        title: z.string().max(300),
        preambular: z.array(z.string().max(10_000)).max(200),
        operative: z.array(z.string().max(10_000)).max(200),
      })
      .optional(),
    /** lifetime of the invite tokens, in days */
    tokenDays: z.number().int().min(1).max(366).optional(),
  })
  .strict()
  .refine((b) => !b.host || b.delegations.some((d) => d.id === b.host), {
    message: 'host must be one of the delegations',
    path: ['host'],
  });
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;

export interface InviteLink {
  token: string;
  url: string;
}

export interface CreateSessionResponse {
  sessionId: string;
  links: {
    chair: InviteLink;
    observer: InviteLink;
    delegates: (InviteLink & { delegation: string })[];
  };
}
