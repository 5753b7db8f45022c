import * as Y from 'yjs';

/** Close code for an edit that would make a doc larger than the cap (4400–4499: the client does not retry it). */
export const DOC_TOO_LARGE = 4413;

/**
 * Keeps a doc under a size cap, measured as its encoded state (what a snapshot stores). The size
 * is estimated cheaply by adding up the updates applied, and measured exactly only when the
 * estimate comes near the cap, so a doc far below it costs nothing.
 */
export class DocSizeGuard {
  private estimate: number;
  /** the estimate is the size measured, and the doc has not changed since */
  private exact = false;

  /** @param estimate an upper bound of the doc's encoded size now, if known (e.g. the bytes it was loaded from) */
  constructor(
    private readonly doc: Y.Doc,
    readonly maxBytes: number,
    estimate?: number,
  ) {
    this.estimate = estimate ?? Y.encodeStateAsUpdate(doc).byteLength;
    doc.on('update', (update: Uint8Array) => {
      this.estimate += update.byteLength;
      this.exact = false;
    });
  }

  /** Whether `bytes` more keep the doc under the cap: for server changes that must stay under it. */
  fits(bytes: number): boolean {
    if (this.estimate + bytes <= this.maxBytes) return true;
    this.estimate = Y.encodeStateAsUpdate(this.doc).byteLength;
    return this.estimate + bytes <= this.maxBytes;
  }

  /** Why `update` must be refused, or null. An update that only deletes is always admitted. */
  refusal(update: Uint8Array): string | null {
    if (this.estimate + update.byteLength <= this.maxBytes) return null;
    // measured once per version of the doc: refused edits near the cap do not each re-encode it
    if (!this.exact) {
      this.estimate = Y.encodeStateAsUpdate(this.doc).byteLength;
      this.exact = true;
      if (this.estimate + update.byteLength <= this.maxBytes) return null;
    }
    // only what the doc lacks counts: a reconnecting client resends what the doc already holds
    const fresh = Y.diffUpdate(update, Y.encodeStateVector(this.doc));
    if (Y.decodeUpdate(fresh).structs.length === 0) return null;
    if (this.estimate + fresh.byteLength <= this.maxBytes) return null;
    return `the document would exceed ${this.maxBytes} bytes; the edit was not saved`;
  }
}
