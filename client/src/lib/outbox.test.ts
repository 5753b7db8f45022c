import { describe, expect, it } from 'vitest';
import { Outbox, refusalOf, type QueuedCommand } from './outbox';
import { localKey, tokenActor, type KeyValueStore } from './localCopy';
import { isSlowLink } from './slowLink';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const cmd = (id: string, offline = true): QueuedCommand => ({ id, type: 'speakers.request', payload: { itemId: 'i-1' }, at: 1, offline });
const jwt = (claims: object) => `h.${btoa(JSON.stringify(claims)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.s`;

describe('the outbox of commands', () => {
  it('[O2] keeps commands in order per sitting and actor, survives a new page, and forgets each once answered', () => {
    const store = memoryStore();
    const key = localKey('kabul', 'commands', 'delegate:pk');
    const box = new Outbox(store, key);
    box.add(cmd('c-1'));
    box.add(cmd('c-2'));
    const again = new Outbox(store, key);
    expect(again.size).toBe(2);
    expect(again.first()?.id).toBe('c-1');
    expect(new Outbox(store, localKey('kabul', 'commands', 'delegate:af')).size).toBe(0);
    again.settle('c-1');
    again.settle('c-2');
    expect(store.data.has(key)).toBe(false);
    expect(new Outbox(store, key).size).toBe(0);
  });

  it('[O2] lists a refusal of a command asked for offline or left by an earlier page; others go to whoever asked', () => {
    const no = { ok: false as const, error: { code: 'CONFLICT' as const, message: 'The list of speakers is closed' } };
    expect(refusalOf(cmd('a', true), no, false)).toEqual({ id: 'a', type: 'speakers.request', message: 'The list of speakers is closed' });
    expect(refusalOf(cmd('b', false), no, true)).not.toBeNull();
    expect(refusalOf(cmd('c', false), no, false)).toBeNull();
    expect(refusalOf(cmd('d', true), { ok: true }, false)).toBeNull();
    // sent, but its answer lost with the connection: answered later, so listed like one asked offline
    const box = new Outbox(memoryStore(), 'k');
    box.add(cmd('e', false));
    box.delayed('e');
    expect(refusalOf(box.first()!, no, false)).not.toBeNull();
    expect(new Outbox(box['store'], 'k').first()?.offline).toBe(true);
  });

  it('[O1] names local copies by sitting, doc and actor read from the invite; an unreadable token gets a fingerprint, not itself', () => {
    expect(tokenActor(jwt({ sid: 's', role: 'delegate', del: 'pk' }))).toBe('delegate:pk');
    expect(tokenActor(jwt({ sid: 's', role: 'chair' }))).toBe('chair');
    const odd = tokenActor('not-a-jwt-secret');
    expect(odd).not.toContain('secret');
    expect(odd).toBe(tokenActor('not-a-jwt-secret'));
    expect(localKey('kabul-2017', 'communique', 'delegate:pk')).toBe('plenary:kabul-2017:communique:delegate:pk');
  });

  it('[O3] takes 2G/3G, a round trip of 300 ms or more, or under 1 Mbit/s for a slow link', () => {
    expect(isSlowLink(undefined)).toBe(false);
    expect(isSlowLink({ effectiveType: '4g', rtt: 50, downlink: 10 })).toBe(false);
    expect(isSlowLink({ effectiveType: '3g' })).toBe(true);
    expect(isSlowLink({ effectiveType: '4g', rtt: 300 })).toBe(true);
    expect(isSlowLink({ effectiveType: '4g', rtt: 100, downlink: 0.25 })).toBe(true);
  });
});
