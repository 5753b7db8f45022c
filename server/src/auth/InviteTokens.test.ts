import { afterEach, describe, expect, it, vi } from 'vitest';
import { InviteTokens } from './InviteTokens';

describe('invite tokens', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('[R7] a token checked once is accepted again without its signature, until it expires', async () => {
    const tokens = new InviteTokens('a-secret-long-enough-for-hs256-0123456789');
    const token = await tokens.sign({ sid: 'abc', role: 'observer' }, 10 / (24 * 3600));
    const first = await tokens.verify(token);
    expect(first).toMatchObject({ sid: 'abc', role: 'observer' });
    expect(await tokens.verify(token)).toEqual(first);
    vi.useFakeTimers({ now: Date.now() + 11_000, toFake: ['Date'] });
    await expect(tokens.verify(token)).rejects.toThrow('The invite token has expired');
  });

  it('[R7] a forged token is refused even when a genuine one of the same link was accepted', async () => {
    const tokens = new InviteTokens('a-secret-long-enough-for-hs256-0123456789');
    const token = await tokens.sign({ sid: 'abc', role: 'observer' }, 1);
    await tokens.verify(token);
    const [h, , signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sid: 'abc', role: 'chair', exp: 9_999_999_999 })).toString('base64url');
    await expect(tokens.verify(`${h}.${forgedPayload}.${signature}`)).rejects.toThrow('not valid');
  });
});
