import { describe, expect, it } from 'vitest';
import { addressKey, remoteAddress } from '../http/remoteAddress';
import { AddressShares } from './AddressShares';

describe('address shares', () => {
  it('[K13] an address holds at most its share; what it gives back is counted once, and idle addresses are forgotten', () => {
    const shares = new AddressShares(2);
    const a1 = shares.take('a')!;
    const a2 = shares.take('a')!;
    expect(shares.take('a')).toBeNull();
    expect(shares.take('b')).not.toBeNull();
    a1();
    a1();
    expect(shares.take('a')).not.toBeNull();
    expect(shares.take('a')).toBeNull();
    a2();
    expect(shares.addresses).toBe(2);
    expect(new AddressShares(0).take('a')).not.toBeNull();
  });

  it('[K13] IPv4-mapped addresses are IPv4, IPv6 ones are keyed by their /64', () => {
    expect(addressKey('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(addressKey('2001:db8:0:1::5')).toBe(addressKey('2001:0db8:0000:0001:ffff:1:2:3'));
    expect(addressKey('2001:db8:0:1::5')).not.toBe(addressKey('2001:db8:0:2::5'));
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('[K13] X-Forwarded-For counts only behind trusted proxies, read from the right', () => {
    const req = (xff?: string) => ({ headers: xff ? { 'x-forwarded-for': xff } : {}, socket: { remoteAddress: '10.9.9.9' } }) as Parameters<typeof remoteAddress>[0];
    expect(remoteAddress(req('1.1.1.1'), 0)).toBe('10.9.9.9');
    expect(remoteAddress(req('6.6.6.6, 1.1.1.1'), 1)).toBe('1.1.1.1');
    expect(remoteAddress(req('6.6.6.6, 1.1.1.1, 10.0.0.5'), 2)).toBe('1.1.1.1');
    expect(remoteAddress(req(), 1)).toBe('10.9.9.9');
  });
});
