import { Worker } from 'node:worker_threads';
import type { ExportJob, ExportReply } from './exportWorker';

export interface ExportPoolOptions {
  /** worker threads rendering at once, across sittings */
  workers: number;
  /** exports of one sitting waiting behind the one being made; more are refused */
  queuePerSitting: number;
  /** a render taking longer is stopped (its worker is replaced) and refused */
  timeoutMs: number;
  /** a worker idle this long is stopped, and its memory given back (default a minute) */
  idleMs?: number;
  log?: (msg: string) => void;
}

/** Why an export was not made: the HTTP status and a sentence to act on; `retryAfterS` when trying later helps. */
export class ExportRefused extends Error {
  constructor(
    readonly status: 429 | 503,
    message: string,
    readonly retryAfterS: number,
  ) {
    super(message);
    this.name = 'ExportRefused';
  }
}

interface Task {
  job: ExportJob;
  resolve: (body: string | Buffer) => void;
  reject: (err: unknown) => void;
}

interface Slot {
  worker: Worker;
  /** the worker has loaded the renderers (a render's time limit starts once it is sent to a ready worker) */
  ready: boolean;
  task: Task | null;
  /** the render's time limit while busy, the idle limit while free */
  timer: NodeJS.Timeout | null;
}

const SHUTTING_DOWN = 'The server is shutting down; retry in a moment';

// workers load the TypeScript sources as the server does (`node --import tsx`, vitest)
const TSX_API = import.meta.resolve('tsx/esm/api');
const WORKER = new URL('./exportWorker.ts', import.meta.url).href;
const BOOT = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER)}); })`;

/**
 * Renders exports in worker threads, so a long render never holds the event loop that every
 * sitting shares. Each sitting has one export in the making at a time and a bounded queue behind
 * it; the sittings' next exports take the free workers in turn.
 */
export class ExportPool {
  private readonly slots: Slot[] = [];
  /** per sitting: whether one of its exports is in the making, and those waiting behind it */
  private readonly sittings = new Map<string, { busy: boolean; waiting: Task[] }>();
  /** the next export of each busy sitting, in the order they became ready */
  private readonly ready: Task[] = [];
  private closed = false;

  constructor(private readonly opts: ExportPoolOptions) {}

  /**
   * Renders `job` for `sitting`; rejects with ExportRefused when the sitting's queue is full or the
   * render fails. An export whose `signal` aborts (its request was closed) leaves the queue if it has
   * not started.
   */
  render(sitting: string, job: ExportJob, signal?: AbortSignal): Promise<string | Buffer> {
    if (this.closed) return Promise.reject(new ExportRefused(503, SHUTTING_DOWN, 5));
    let state = this.sittings.get(sitting);
    if (!state) this.sittings.set(sitting, (state = { busy: false, waiting: [] }));
    if (state.busy && state.waiting.length >= this.opts.queuePerSitting) {
      const waiting = this.opts.queuePerSitting;
      return Promise.reject(new ExportRefused(429, `An export of this sitting is being made and ${waiting} more are waiting; retry in a few seconds`, 5));
    }
    return new Promise((resolve, reject) => {
      const settle = () => this.next(sitting);
      const task: Task = {
        job,
        resolve: (body) => (settle(), resolve(body)),
        reject: (err) => (settle(), reject(err)),
      };
      state.waiting.push(task);
      signal?.addEventListener(
        'abort',
        () => {
          const closed = new ExportRefused(503, 'The request was closed before its export was made', 5);
          const waiting = state.waiting.indexOf(task);
          if (waiting >= 0) {
            state.waiting.splice(waiting, 1);
            return reject(closed);
          }
          // next in line for a worker: its sitting's next export takes its place
          const ready = this.ready.indexOf(task);
          if (ready >= 0) {
            this.ready.splice(ready, 1);
            task.reject(closed);
          }
        },
        { once: true },
      );
      if (!state.busy) this.next(sitting);
    });
  }

  /** Hands a sitting's next export to the workers (the sitting is busy until it is made), or forgets the sitting when none waits. */
  private next(sitting: string): void {
    const state = this.sittings.get(sitting);
    if (!state) return;
    const task = state.waiting.shift();
    if (!task) {
      this.sittings.delete(sitting);
      return;
    }
    state.busy = true;
    this.ready.push(task);
    this.pump();
  }

  private pump(): void {
    while (this.ready.length > 0 && !this.closed) {
      const slot = this.slots.find((s) => s.ready && s.task === null);
      if (!slot) {
        if (this.slots.length < this.opts.workers) this.spawn();
        return;
      }
      this.start(slot, this.ready.shift()!);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(BOOT, { eval: true }), ready: false, task: null, timer: null };
    slot.worker.on('message', (reply: ExportReply | 'ready') => {
      if (reply === 'ready') {
        slot.ready = true;
        slot.worker.unref();
        this.pump();
        if (slot.task === null) this.idle(slot);
        return;
      }
      const task = this.finish(slot);
      if (!task) return;
      if (reply.ok) task.resolve(typeof reply.body === 'string' ? reply.body : Buffer.from(reply.body.buffer, reply.body.byteOffset, reply.body.byteLength));
      else {
        this.opts.log?.(`export failed: ${reply.message}`);
        task.reject(new ExportRefused(503, 'The export could not be made; retry in a moment', 5));
      }
      this.pump();
    });
    // a worker that dies takes its render with it; the next render gets a new worker
    slot.worker.on('error', (err) => this.opts.log?.(`export worker failed: ${err.message}`));
    slot.worker.on('exit', () => {
      // a worker that cannot even start would be started again and again: what waits is refused instead
      if (!slot.ready) for (const task of this.ready.splice(0)) task.reject(new ExportRefused(503, 'Exports cannot be made at the moment; retry later', 30));
      this.drop(slot, 'The export could not be made; retry in a moment');
    });
    this.slots.push(slot);
    return slot;
  }

  /** Workers running (busy or idle). */
  get workerCount(): number {
    return this.slots.length;
  }

  private start(slot: Slot, task: Task): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = task;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      const seconds = (this.opts.timeoutMs / 1000).toLocaleString('en', { maximumFractionDigits: 1 });
      this.drop(slot, `The export took longer than ${seconds} s and was stopped; retry later`);
      void slot.worker.terminate();
    }, this.opts.timeoutMs);
    slot.worker.postMessage(task.job);
  }

  /** The slot's task, taken off it; the slot is free again. */
  private finish(slot: Slot): Task | null {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = null;
    slot.timer = null;
    slot.worker.unref();
    if (task) this.idle(slot);
    return task;
  }

  /** Stops a free worker once it has been idle for a while. */
  private idle(slot: Slot): void {
    slot.timer = setTimeout(() => {
      const i = this.slots.indexOf(slot);
      if (i < 0 || slot.task !== null) return;
      this.slots.splice(i, 1);
      void slot.worker.terminate();
    }, this.opts.idleMs ?? 60_000);
    slot.timer.unref();
  }

  /** A slot whose worker is gone or stopped: its render is refused, and the slot is replaced when needed. */
  private drop(slot: Slot, message: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    this.finish(slot)?.reject(new ExportRefused(503, message, 5));
    if (slot.timer) clearTimeout(slot.timer);
    if (!this.closed) this.pump();
  }

  /** Stops the workers; what was waiting is refused. */
  async close(): Promise<void> {
    this.closed = true;
    const refused = () => new ExportRefused(503, SHUTTING_DOWN, 5);
    // the waiting first: refusing a ready export would hand its sitting's next one over
    for (const state of this.sittings.values()) for (const task of state.waiting.splice(0)) task.reject(refused());
    for (const task of this.ready.splice(0)) task.reject(refused());
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
