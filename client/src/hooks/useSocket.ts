import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, PresenceEntry, ServerToClientEvents, Welcome } from '@plenary/shared';
import type { ChannelStatus } from '../lib/connection';

export type PlenarySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface SocketState {
  socket: PlenarySocket | null;
  status: ChannelStatus;
  welcome: Welcome | null;
  presence: PresenceEntry[];
  /** the server refused the token: its own words; the socket will not retry */
  refused: string | null;
  /** add to Date.now() to get the server's time */
  clockOffset: number;
}

const INITIAL: SocketState = { socket: null, status: 'connecting', welcome: null, presence: [], refused: null, clockOffset: 0 };

/** The command channel: who we are (`welcome`), who is here (`presence`), and the server's clock. */
export function useSocket(token: string): SocketState {
  const [state, setState] = useState<SocketState>(INITIAL);

  useEffect(() => {
    const socket: PlenarySocket = io(window.location.origin, { auth: { token }, path: '/socket.io' });
    const patch = (p: Partial<SocketState>) => setState((s) => ({ ...s, ...p }));
    setState({ ...INITIAL, socket });

    const syncClock = () => {
      const sent = Date.now();
      socket.timeout(5000).emit('clock', (err: Error | null, serverTime: number) => {
        if (err || typeof serverTime !== 'number') return;
        const now = Date.now();
        patch({ clockOffset: serverTime + (now - sent) / 2 - now });
      });
    };

    socket.on('connect', () => {
      patch({ status: 'connected', refused: null });
      syncClock();
    });
    socket.on('disconnect', () => patch({ status: socket.active ? 'connecting' : 'disconnected' }));
    socket.on('connect_error', (err) => {
      // a refusal by the server's auth middleware leaves the socket inactive; network trouble does not
      if (!socket.active) patch({ status: 'disconnected', refused: err.message || 'refused' });
      else patch({ status: 'connecting' });
    });
    socket.on('welcome', (welcome) => patch({ welcome, clockOffset: welcome.serverTime - Date.now() }));
    socket.on('presence', (presence) => patch({ presence }));

    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [token]);

  return state;
}
