import { refusalEnglish, type RefusalKey, type RefusalParams } from './refusals';
import type { ErrorBody, ErrorCode } from './schemas';

export type { ErrorBody, ErrorCode } from './schemas';

/** An error a person can act on; thrown by handlers, sent as `{ok:false, error}`. */
export class PlenaryError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** the refusal's key and values, for the reader's language (I7); absent for API-only messages */
    readonly refusal?: { key: RefusalKey; params: RefusalParams },
  ) {
    super(message);
    this.name = 'PlenaryError';
  }

  /** A refusal from the catalogue: its `message` is the English wording with the values filled in. */
  static of(code: ErrorCode, key: RefusalKey, params: RefusalParams = {}): PlenaryError {
    return new PlenaryError(code, refusalEnglish(key, params), { key, params });
  }

  toBody(): ErrorBody {
    return this.refusal
      ? { code: this.code, message: this.message, key: this.refusal.key, params: this.refusal.params }
      : { code: this.code, message: this.message };
  }
}
