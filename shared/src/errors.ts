import type { ErrorBody, ErrorCode } from './schemas';

export type { ErrorBody, ErrorCode } from './schemas';

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
