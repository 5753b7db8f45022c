import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Ack, CommandPayload, CommandType } from '@plenary/shared';
import { browserStore } from '../lib/localCopy';
import { Outbox, refusalOf, type QueuedCommand, type Refusal } from '../lib/outbox';
import { refusalText } from '../lib/refusals';
import type { PlenarySocket } from './useSocket';
import { useToasts } from './useToasts';

const TIMEOUT_MS = 10_000;

export interface Commands {
  /** Sends a command; an error ack is shown as a toast with the server's refusal, in the reader's language. */
  run<T extends CommandType>(type: T, payload: CommandPayload<T>, key?: string): Promise<Ack>;
  /** whether the command started with this key (default: its type) is still waiting for its ack */
  isPending(key: string): boolean;
  /** commands waiting for a connection (or for the answer lost with one) */
  queued: number;
  /** commands asked for offline that the server refused once they could be sent */
  refused: readonly Refusal[];
  dismissRefused(): void;
}

/** Sends one queued command; null when no answer came (timeout, or the connection dropped first). */
function sendQueued(socket: PlenarySocket, cmd: QueuedCommand): Promise<Ack | null> {
  return new Promise<Ack | null>((resolve) => {
    const dropped = () => resolve(null);
    socket.once('disconnect', dropped);
    socket.timeout(TIMEOUT_MS).emit('cmd', { id: cmd.id, type: cmd.type, payload: cmd.payload }, (err: Error | null, ack: Ack) => {
      socket.off('disconnect', dropped);
      resolve(err ? null : ack);
    });
  });
}

/**
 * Commands go through an outbox kept per sitting and actor (`queueKey`): sent at once when
 * connected, else when the connection is back, in the order asked for and with their ids, so the
 * server applies each once. An answer lost with the connection is asked for again with the same id.
 */
export function useCommands(socket: PlenarySocket | null, queueKey: string | null = null): Commands {
  const toasts = useToasts();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const outbox = useMemo(() => new Outbox(browserStore(), queueKey), [queueKey]);
  const [queued, setQueued] = useState(outbox.size);
  const [refused, setRefused] = useState<readonly Refusal[]>([]);
  const waiters = useRef(new Map<string, (ack: Ack) => void>());
  const kick = useRef<() => void>(() => {});

  useEffect(() => {
    setQueued(outbox.size);
    if (!socket) return;
    let stopped = false;
    let busy = false;
    const flush = async () => {
      if (busy) return;
      busy = true;
      try {
        for (let cmd = outbox.first(); cmd && !stopped && socket.connected; cmd = outbox.first()) {
          const ack = await sendQueued(socket, cmd);
          if (!ack) outbox.delayed(cmd.id);
          if (!ack || stopped) continue; // sent again with the same id while connected, else on connect
          outbox.settle(cmd.id);
          setQueued(outbox.size);
          const waiter = waiters.current.get(cmd.id);
          waiters.current.delete(cmd.id);
          // nobody waits for a command restored after a reload: its refusal is listed too
          const refusal = refusalOf(cmd, ack, !waiter);
          if (refusal) setRefused((r) => [...r, refusal]);
          if (!ack.ok && !refusal && waiter) toasts.show(refusalText(ack.error));
          waiter?.(ack);
        }
      } finally {
        busy = false;
      }
    };
    kick.current = () => void flush();
    socket.on('connect', kick.current);
    void flush();
    return () => {
      stopped = true;
      socket.off('connect', kick.current);
      kick.current = () => {};
    };
  }, [socket, outbox, toasts]);

  const run = useCallback(
    async <T extends CommandType>(type: T, payload: CommandPayload<T>, key: string = type): Promise<Ack> => {
      const cmd: QueuedCommand = { id: crypto.randomUUID(), type, payload, at: Date.now(), offline: !socket?.connected || !navigator.onLine };
      setPending((s) => new Set(s).add(key));
      try {
        const answered = new Promise<Ack>((resolve) => waiters.current.set(cmd.id, resolve));
        outbox.add(cmd);
        setQueued(outbox.size);
        kick.current();
        return await answered;
      } finally {
        setPending((s) => {
          const next = new Set(s);
          next.delete(key);
          return next;
        });
      }
    },
    [socket, outbox],
  );

  // a command restored after a reload has lost the key it was asked with: its type stands for it,
  // so the button that asked stays busy until the server has answered (`queued` changes with it)
  const isPending = useCallback(
    (key: string) => pending.has(key) || outbox.all().some((c) => c.type === key && !waiters.current.has(c.id)),
    [pending, outbox, queued],
  );
  const dismissRefused = useCallback(() => setRefused([]), []);
  return { run, isPending, queued, refused, dismissRefused };
}
