/** Close codes after which our copy of the communiqué no longer matches the server's. */
export const RESYNC_CODES: ReadonlySet<number> = new Set([
  4409, // an edit touched a paragraph agreed meanwhile; what was typed is kept as a comment
  4403, // a Yjs client id bound to someone else
  4400, // an edit outside the text, or one the server cannot place
  4413, // an edit that would have made the document larger than the server allows
  4423, // an edit of a bracket another delegation holds
]);

export interface Resync {
  code: number;
  reason: string;
  /** local ms */
  at: number;
}

export function shouldResync(code: number): boolean {
  return RESYNC_CODES.has(code);
}
