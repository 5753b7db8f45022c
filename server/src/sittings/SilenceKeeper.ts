import { currentSilence, docName } from '@plenary/shared';
import type { RoomRegistry } from '../yjs/RoomRegistry';
import { passSilenceIfDue } from '../commands/silence';

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Ends silence procedures at their deadline. Watching again after a restart finds a deadline that
 * passed while the server was down and ends it at once.
 */
export class SilenceKeeper {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly log: (msg: string) => void = () => {},
  ) {}

  async watch(sid: string): Promise<void> {
    this.clear(sid);
    const silence = await this.rooms.with(docName(sid, 'session'), (room) => currentSilence(room.doc));
    if (silence?.state !== 'running') return;
    const wait = silence.deadline - Date.now();
    if (wait <= 0) return this.pass(sid);
    const timer = setTimeout(() => void this.pass(sid).catch((err: unknown) => this.log(`${sid}: silence could not end: ${String(err)}`)), Math.min(wait, MAX_TIMEOUT_MS));
    timer.unref();
    this.timers.set(sid, timer);
  }

  close(): void {
    for (const sid of [...this.timers.keys()]) this.clear(sid);
  }

  private async pass(sid: string): Promise<void> {
    this.timers.delete(sid);
    const passed = await this.rooms.with(docName(sid, 'communique'), (communique) =>
      this.rooms.with(docName(sid, 'session'), (session) =>
        session.change({
          actor: 'server',
          run: (doc) => {
            const id = currentSilence(doc)?.id;
            return passSilenceIfDue(doc, communique.doc, Date.now()) ? id : undefined;
          },
          record: (id) =>
            id ? { sid, id: `silence-pass-${id}`, actor: 'server', type: 'silence.pass', payload: { silenceId: id }, at: Date.now(), ack: { ok: true } } : undefined,
        }),
      ),
    );
    // not due yet by the server's clock, or broken meanwhile: look again
    if (!passed) await this.watch(sid);
  }

  private clear(sid: string): void {
    const t = this.timers.get(sid);
    if (t) clearTimeout(t);
    this.timers.delete(sid);
  }
}
