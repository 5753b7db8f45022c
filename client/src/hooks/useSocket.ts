import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, PresenceEntry, ServerToClientEvents, Welcome } from '@plenary/shared';
import type { ChannelStatus } from '../lib/connection';
import { addSample, bestEstimate, type ClockSample } from '../lib/clockSync';
import { browserStore, fingerprint, readJson, writeJson } from '../lib/localCopy';
import { serverRefusal, type ServerRefusal } from '../lib/refusals';
import { followBrowserNetwork } from '../lib/reconnect';

/** pings per measurement: the one with the shortest round trip counts */
const CLOCK_BURST = 5;
const CLOCK_GAP_MS = 150;
/** re-measure this often: laptop clocks drift, and a sleeping laptop jumps */
const CLOCK_EVERY_MS = 60_000;

export type PlenarySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface SocketState {
  socket: PlenarySocket | null;
  status: ChannelStatus;
  welcome: Welcome | null;
  presence: PresenceEntry[];
  /** the server refused the token: its words, shown in the reader's language (`refusalText`); the socket will not retry */
  refused: ServerRefusal | null;
  /** add to Date.now() to get the server's time */
  clockOffset: number;
}

const INITIAL: SocketState = { socket: null, status: 'connecting', welcome: null, presence: [], refused: null, clockOffset: 0 };

/**
 * The last welcome of this invite in this browser (`localStorage`): a page reloaded, or the invite
 * opened in a new tab, without the network still knows who it is. Forgotten when the server
 * refuses the invite.
 */
const welcomeKey = (token: string) => `plenary:welcome:${fingerprint(token)}`;

/** The command channel: who we are (`welcome`), who is here (`presence`), and the server's clock. */
export function useSocket(token: string): SocketState {
  const [state, setState] = useState<SocketState>(INITIAL);

  useEffect(() => {
    // WebSocket first: over a slow link each long-polling round trip before the upgrade costs a
    // second; polling remains the fallback where WebSockets do not get through (O3)
    const socket: PlenarySocket = io(window.location.origin, { auth: { token }, path: '/socket.io', transports: ['websocket', 'polling'], tryAllTransports: true });
    const patch = (p: Partial<SocketState>) => setState((s) => ({ ...s, ...p }));
    setState({ ...INITIAL, socket, welcome: readJson<Welcome | null>(browserStore(), welcomeKey(token), null) });

    let samples: ClockSample[] = [];
    let stopped = false;
    const burstTimers = new Set<number>();
    const ping = (left: number) => {
      if (stopped || left <= 0 || !socket.connected) return;
      const sentAt = Date.now();
      socket.timeout(5000).emit('clock', (err: Error | null, serverTime: number) => {
        if (stopped) return;
        if (!err && typeof serverTime === 'number') {
          samples = addSample(samples, { sentAt, receivedAt: Date.now(), serverTime });
          const best = bestEstimate(samples, Date.now());
          if (best) setState((s) => (Math.abs(s.clockOffset - best.offset) < 1 ? s : { ...s, clockOffset: best.offset }));
        }
        const t = window.setTimeout(() => {
          burstTimers.delete(t);
          ping(left - 1);
        }, CLOCK_GAP_MS);
        burstTimers.add(t);
      });
    };
    const syncClock = () => ping(CLOCK_BURST);
    const every = window.setInterval(syncClock, CLOCK_EVERY_MS);

    socket.on('connect', () => {
      patch({ status: 'connected', refused: null });
      syncClock();
    });
    socket.on('disconnect', () => patch({ status: socket.active ? 'connecting' : 'disconnected' }));
    const refuse = (body: unknown, message: string) => {
      writeJson(browserStore(), welcomeKey(token), null);
      patch({ status: 'disconnected', welcome: null, refused: serverRefusal(body, message) });
    };
    // an open connection whose link expired or was revoked is told so, then closed by the server (R8, R9)
    socket.on('refused', (body) => refuse(body, body.message || 'refused'));
    socket.on('connect_error', (err) => {
      // a refusal by the server's auth middleware leaves the socket inactive; network trouble does not
      // the refusal's body comes as `err.data`: its key and values are worded in the reader's language
      if (!socket.active) {
        refuse((err as Error & { data?: unknown }).data, err.message || 'refused');
      } else {
        patch({ status: 'connecting' });
      }
    });
    // the welcome's time is a first guess (its travel time unknown) until a ping has answered
    socket.on('welcome', (welcome) => {
      writeJson(browserStore(), welcomeKey(token), welcome);
      setState((s) => ({ ...s, welcome, clockOffset: samples.length > 0 ? s.clockOffset : welcome.serverTime - Date.now() }));
    });
    socket.on('presence', (presence) => patch({ presence }));
    // no tries while the browser has no network; a fresh one at once when it is back (a socket
    // refused by the server is inactive and stays so)
    let paused = false;
    const stopFollowing = followBrowserNetwork(window, () => navigator.onLine, {
      pause: () => {
        if (!socket.active) return;
        paused = true;
        socket.disconnect();
      },
      resume: () => {
        if (paused) socket.connect();
        else if (socket.active && !socket.connected) socket.disconnect().connect();
        paused = false;
      },
    });

    return () => {
      stopped = true;
      stopFollowing();
      window.clearInterval(every);
      for (const t of burstTimers) window.clearTimeout(t);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [token]);

  return state;
}
