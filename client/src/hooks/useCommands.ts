import { useCallback, useState } from 'react';
import type { Ack, CommandPayload, CommandType } from '@plenary/shared';
import type { PlenarySocket } from './useSocket';
import { useToasts } from './useToasts';

const TIMEOUT_MS = 10_000;

export interface Commands {
  /** Sends a command; an error ack is shown as a toast with the server's message. */
  run<T extends CommandType>(type: T, payload: CommandPayload<T>, key?: string): Promise<Ack>;
  /** whether the command started with this key (default: its type) is still waiting for its ack */
  isPending(key: string): boolean;
}

export function sendCommand(socket: PlenarySocket, type: string, payload: unknown): Promise<Ack> {
  const id = crypto.randomUUID();
  return new Promise<Ack>((resolve) => {
    socket.timeout(TIMEOUT_MS).emit('cmd', { id, type, payload }, (err: Error | null, ack: Ack) => {
      if (err) resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'The server did not answer in time. Check the connection and try again.' } });
      else resolve(ack);
    });
  });
}

export function useCommands(socket: PlenarySocket | null): Commands {
  const toasts = useToasts();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());

  const run = useCallback(
    async <T extends CommandType>(type: T, payload: CommandPayload<T>, key: string = type): Promise<Ack> => {
      if (!socket) {
        const ack: Ack = { ok: false, error: { code: 'UNAVAILABLE', message: 'Not connected to the server yet.' } };
        toasts.show(ack.error.message);
        return ack;
      }
      setPending((s) => new Set(s).add(key));
      try {
        const ack = await sendCommand(socket, type, payload);
        if (!ack.ok) toasts.show(ack.error.message);
        return ack;
      } finally {
        setPending((s) => {
          const next = new Set(s);
          next.delete(key);
          return next;
        });
      }
    },
    [socket, toasts],
  );

  const isPending = useCallback((key: string) => pending.has(key), [pending]);
  return { run, isPending };
}
