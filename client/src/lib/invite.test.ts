import { describe, expect, it } from 'vitest';
import { parseRoute, resolveInvite, tokenKey, type TokenStore } from './invite';

function memoryStore(init: Record<string, string> = {}): TokenStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('[U2] parseRoute', () => {
  it('reads the sitting from /s/<sid> and the view from what follows', () => {
    expect(parseRoute('/s/kabul-2017')).toEqual({ sid: 'kabul-2017', view: 'workspace' });
    expect(parseRoute('/s/kabul-2017/')).toEqual({ sid: 'kabul-2017', view: 'workspace' });
    expect(parseRoute('/s/kabul-2017/projector')).toEqual({ sid: 'kabul-2017', view: 'projector' });
  });

  it('knows no sitting elsewhere', () => {
    expect(parseRoute('/')).toBeNull();
    expect(parseRoute('/s/')).toBeNull();
    expect(parseRoute('/s/a/b/c')).toBeNull();
    expect(parseRoute('/api/sessions')).toBeNull();
  });
});

describe('[U2] resolveInvite', () => {
  it('stores the token from the URL under plenary:token:<sid> and cleans the address', () => {
    const store = memoryStore();
    const inv = resolveInvite('http://h/s/kabul-2017?token=abc.def.ghi', store);
    expect(inv).toEqual({ kind: 'ok', sid: 'kabul-2017', view: 'workspace', token: 'abc.def.ghi', cleanUrl: '/s/kabul-2017' });
    expect(store.data.get('plenary:token:kabul-2017')).toBe('abc.def.ghi');
    expect(tokenKey('kabul-2017')).toBe('plenary:token:kabul-2017');
  });

  it('keeps other query parameters and the hash when removing the token', () => {
    const inv = resolveInvite('http://h/s/x1/projector?lang=fa&token=t1#p-3', memoryStore());
    expect(inv).toMatchObject({ kind: 'ok', view: 'projector', cleanUrl: '/s/x1/projector?lang=fa#p-3' });
  });

  it('uses the stored token after a reload, with nothing to clean', () => {
    const store = memoryStore({ 'plenary:token:x1': 'stored' });
    expect(resolveInvite('http://h/s/x1', store)).toEqual({ kind: 'ok', sid: 'x1', view: 'workspace', token: 'stored', cleanUrl: null });
  });

  it('lets a new link replace the stored token', () => {
    const store = memoryStore({ 'plenary:token:x1': 'old' });
    expect(resolveInvite('http://h/s/x1?token=new', store)).toMatchObject({ token: 'new' });
    expect(store.data.get('plenary:token:x1')).toBe('new');
  });

  it('keeps tokens of different sittings apart', () => {
    const store = memoryStore({ 'plenary:token:other': 'o' });
    expect(resolveInvite('http://h/s/x1', store)).toEqual({ kind: 'no-token', sid: 'x1', view: 'workspace' });
  });

  it('asks for the invite link without a sitting in the path', () => {
    expect(resolveInvite('http://h/?token=abc', memoryStore())).toEqual({ kind: 'no-sitting' });
  });

  it('treats an empty token as none', () => {
    const store = memoryStore();
    expect(resolveInvite('http://h/s/x1?token=', store)).toEqual({ kind: 'no-token', sid: 'x1', view: 'workspace' });
    expect(store.data.size).toBe(0);
  });
});
