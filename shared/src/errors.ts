import { z } from 'zod';

export const ErrorCode = z.enum([
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INVALID',
  'CONFLICT',
  'NOT_FOUND',
  'UNAVAILABLE',
  'RATE_LIMITED',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({ code: ErrorCode, message: z.string() });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** An error a person can act on; thrown by handlers, sent as `{ok:false, error}`. */
export class PlenaryError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PlenaryError';
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message };
  }
}

/** One readable line out of a zod error: "payload.state: Invalid option …". */
export function describeZodError(error: z.ZodError, prefix = ''): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
