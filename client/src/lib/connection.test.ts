import { describe, expect, it } from 'vitest';
import { combineConnection, type Channels } from './connection';

const up: Channels = { socket: 'connected', communique: 'connected', session: 'connected', browserOnline: true };

describe('[U3] combineConnection', () => {
  it('is online only when every channel is connected', () => {
    expect(combineConnection(up)).toBe('online');
  });

  it('is reconnecting when any channel is on its way back', () => {
    expect(combineConnection({ ...up, communique: 'connecting' })).toBe('reconnecting');
    expect(combineConnection({ ...up, socket: 'disconnected' })).toBe('reconnecting');
    expect(combineConnection({ socket: 'connecting', communique: 'connecting', session: 'connecting', browserOnline: true })).toBe('reconnecting');
  });

  it('is offline when every channel is down', () => {
    expect(combineConnection({ socket: 'disconnected', communique: 'disconnected', session: 'disconnected', browserOnline: true })).toBe('offline');
  });

  it('is offline without a network, whatever the sockets last said', () => {
    expect(combineConnection({ ...up, browserOnline: false })).toBe('offline');
  });
});
