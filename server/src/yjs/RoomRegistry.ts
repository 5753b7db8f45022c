import type { DocBus } from '../bus/DocBus';
import type { DocStore } from '../store/DocStore';
import { Room, type RoomPolicy } from './Room';

export interface RoomRegistryOptions {
  compactEvery: number;
  /** how long an idle room stays loaded, in ms */
  unloadAfterMs: number;
  log?: (msg: string) => void;
  /** the rules for a doc's client updates, made when the doc is loaded */
  policyFor?: (name: string) => Promise<RoomPolicy | undefined>;
  /** other nodes share the store: each loaded doc follows its log */
  bus?: DocBus;
  /** largest state of a doc a client update may produce, in bytes (0: no cap) */
  maxDocBytes?: number;
}

/** The open docs of this process: each loaded once, dropped when idle, never served after a failed load. */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly loaded = new Map<string, Room>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly unfollow = new Map<Room, () => void>();

  constructor(
    private readonly store: DocStore,
    private readonly opts: RoomRegistryOptions,
  ) {}

  get size(): number {
    return this.rooms.size;
  }

  /** The room of a doc, loading it if needed. A failed load is not cached: the next call tries again. */
  open(name: string): Promise<Room> {
    this.cancelUnload(name);
    let room = this.rooms.get(name);
    if (!room) {
      room = this.load(name);
      this.rooms.set(name, room);
      const pending = room;
      pending.then(
        (r) => this.loaded.set(name, r),
        () => {
          if (this.rooms.get(name) === pending) this.rooms.delete(name);
        },
      );
    }
    return room;
  }

  private async load(name: string): Promise<Room> {
    const policy = await this.opts.policyFor?.(name);
    try {
      const room = await Room.load(name, this.store, {
        compactEvery: this.opts.compactEvery,
        onIdle: (r) => this.scheduleUnload(r),
        onFailed: (r) => this.drop(r),
        ...(policy ? { policy } : {}),
        ...(this.opts.log ? { log: this.opts.log } : {}),
        ...(this.opts.bus ? { bus: this.opts.bus } : {}),
        ...(this.opts.maxDocBytes ? { maxDocBytes: this.opts.maxDocBytes } : {}),
      });
      if (this.opts.bus) this.unfollow.set(room, this.opts.bus.follow(name, room.follower));
      return room;
    } catch (err) {
      policy?.release();
      throw err;
    }
  }

  /** Runs `fn` with the room held open. */
  async with<R>(name: string, fn: (room: Room) => Promise<R> | R): Promise<R> {
    const room = await this.open(name);
    const release = room.hold();
    try {
      return await fn(room);
    } finally {
      release();
    }
  }

  async closeAll(code: number, reason: string): Promise<void> {
    for (const t of this.unloadTimers.values()) clearTimeout(t);
    this.unloadTimers.clear();
    const rooms = await Promise.allSettled(this.rooms.values());
    for (const r of rooms) {
      if (r.status !== 'fulfilled') continue;
      this.unfollow.get(r.value)?.();
      this.unfollow.delete(r.value);
      r.value.closeAll(code, reason);
    }
    // a doc left as a snapshot alone loads fast after the restart (W7)
    await Promise.allSettled(rooms.map((r) => (r.status === 'fulfilled' ? r.value.compactIdle() : undefined)));
    for (const r of rooms) {
      if (r.status !== 'fulfilled') continue;
      r.value.destroy();
    }
    this.rooms.clear();
    this.loaded.clear();
  }

  private scheduleUnload(room: Room): void {
    this.cancelUnload(room.name);
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.name);
      // everything a room holds is already stored, so an idle room can go once its log is compacted (W7)
      if (!room.isIdle) return;
      void room.compactIdle().finally(() => {
        if (room.isIdle) this.drop(room);
      });
    }, this.opts.unloadAfterMs);
    timer.unref();
    this.unloadTimers.set(room.name, timer);
  }

  private cancelUnload(name: string): void {
    const t = this.unloadTimers.get(name);
    if (t) {
      clearTimeout(t);
      this.unloadTimers.delete(name);
    }
  }

  private drop(room: Room): void {
    this.cancelUnload(room.name);
    if (this.loaded.get(room.name) !== room) return;
    this.loaded.delete(room.name);
    this.rooms.delete(room.name);
    this.unfollow.get(room)?.();
    this.unfollow.delete(room);
    room.destroy();
  }
}
