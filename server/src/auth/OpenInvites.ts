import { actorKey, PlenaryError } from '@plenary/shared';
import type { Admitted } from './authenticate';

/** setTimeout takes at most 2^31 − 1 ms (24.8 days); invite tokens live longer */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Entry {
  generation: number;
  close(refusal: PlenaryError): void;
}

/**
 * The connections open on this node, by invite (sitting and actor key): each is closed when its
 * token expires (R8) or when its invite is revoked (R9), with the refusal that says which.
 */
export class OpenInvites {
  private readonly open = new Map<string, Set<Entry>>();

  /** Follows one open connection; call the result when it closes. */
  track(admitted: Admitted, close: (refusal: PlenaryError) => void): () => void {
    const key = inviteKey(admitted.actor.sid, actorKey(admitted.actor));
    const entry: Entry = { generation: admitted.generation, close };
    let set = this.open.get(key);
    if (!set) this.open.set(key, (set = new Set()));
    set.add(entry);
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      const left = admitted.expiresAt - Date.now();
      if (left <= 0) return close(PlenaryError.of('UNAUTHORIZED', 'tokenExpired'));
      timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
      timer.unref();
    };
    arm();
    return () => {
      clearTimeout(timer);
      set.delete(entry);
      if (set.size === 0 && this.open.get(key) === set) this.open.delete(key);
    };
  }

  /** Closes this node's connections of `invite` (an actor key) minted before `generation`; how many. */
  closeRevoked(sid: string, invite: string, generation: number): number {
    let closed = 0;
    for (const entry of this.open.get(inviteKey(sid, invite)) ?? []) {
      if (entry.generation >= generation) continue;
      closed++;
      entry.close(PlenaryError.of('UNAUTHORIZED', 'inviteRevoked'));
    }
    return closed;
  }

  get size(): number {
    let n = 0;
    for (const set of this.open.values()) n += set.size;
    return n;
  }
}

const inviteKey = (sid: string, invite: string) => `${sid}|${invite}`;
