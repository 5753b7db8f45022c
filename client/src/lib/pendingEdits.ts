import type * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';

const MESSAGE_SYNC = 0;
/** after the last local edit, how long to wait before asking the server to confirm */
const PROBE_AFTER_MS = 400;

/** Where the count survives a reload (the edits themselves are in the local copy). */
export interface CountStore {
  read(): number;
  write(n: number): void;
}

/**
 * Counts the edits made in this browser that the server has not stored yet.
 *
 * The y-websocket protocol has no acknowledgement, but the server answers a sync step 1 only once
 * everything it received before it on that connection is stored (an edit it refuses closes the
 * connection instead). So after local edits a step 1 is sent; its answer confirms every edit
 * sent before it. Edits made while disconnected go out in the sync reply of the next connection,
 * so a confirmation is asked for only once the server's own step 1 has been answered.
 */
export class PendingEdits {
  private made = 0;
  private confirmed = 0;
  /** unconfirmed edits of an earlier page, now in the local copy */
  private carried: number;
  /** per step 1 on the current connection, in order: `made` when it was sent (-1: the provider's own) */
  private probes: number[] = [];
  private greeted = false;
  private ws: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
    /** origins of updates that are not new local edits (the local copy being read back) */
    private readonly replayOrigins: readonly unknown[],
    private readonly store: CountStore,
    private readonly onChange: (pending: number) => void,
  ) {
    this.carried = Math.max(0, store.read());
    doc.on('update', this.onUpdate);
    provider.on('status', this.onStatus);
    if (provider.wsconnected) this.attach();
  }

  get pending(): number {
    return this.carried + this.made - this.confirmed;
  }

  /** Forgets every unconfirmed edit (the copy they were in is being thrown away). */
  clear(): void {
    this.carried = 0;
    this.confirmed = this.made;
    this.store.write(0);
    this.stop();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.detach();
    this.doc.off('update', this.onUpdate);
    this.provider.off('status', this.onStatus);
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider || this.replayOrigins.includes(origin)) return;
    this.made++;
    this.changed();
    this.scheduleProbe(PROBE_AFTER_MS);
  };

  private readonly onStatus = ({ status }: { status: string }): void => {
    if (status === 'connected') this.attach();
    else this.detach();
  };

  private attach(): void {
    this.detach();
    const ws = this.provider.ws;
    if (!ws) return;
    this.ws = ws;
    // the provider sends its own step 1 right after announcing the connection
    this.probes = [-1];
    this.greeted = false;
    ws.addEventListener('message', this.onMessage);
  }

  private detach(): void {
    this.ws?.removeEventListener('message', this.onMessage);
    this.ws = null;
    this.probes = [];
    this.greeted = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private readonly onMessage = (event: MessageEvent): void => {
    if (typeof event.data === 'string') return;
    const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const kind = decoding.readVarUint(decoder);
    if (kind === syncProtocol.messageYjsSyncStep1) {
      // the provider answers it with everything the server lacks, edits made offline included
      this.greeted = true;
      this.scheduleProbe(0);
    } else if (kind === syncProtocol.messageYjsSyncStep2) {
      const at = this.probes.shift();
      if (at === undefined || at < 0) return;
      this.carried = 0;
      this.confirmed = Math.max(this.confirmed, at);
      this.changed();
    }
  };

  private scheduleProbe(ms: number): void {
    if (!this.greeted || this.pending === 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.probe();
    }, ms);
  }

  private probe(): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== ws.OPEN || this.pending === 0) return;
    if (this.probes.includes(this.made)) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.probes.push(this.made);
    ws.send(encoding.toUint8Array(encoder));
  }

  private changed(): void {
    const n = this.pending;
    this.store.write(n);
    this.onChange(n);
  }
}
