import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

/**
 * Whom a request comes from, as a key for per-address budgets. Behind `trustProxy` proxies (a load
 * balancer, nginx), the address those proxies saw, read from the right of `X-Forwarded-For`; with
 * none (the default), the socket's address, which a client cannot forge. IPv6 addresses are keyed
 * by their /64 network: one host holds a whole /64.
 */
export function remoteAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustProxy: number): string {
  let address = req.socket.remoteAddress ?? 'unknown';
  if (trustProxy > 0) {
    const header = req.headers['x-forwarded-for'];
    const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((a) => a.trim()).filter(Boolean);
    // each trusted proxy appended the address it saw: the client is `trustProxy` entries from the right
    const chain = [...forwarded, address];
    address = chain[Math.max(0, chain.length - 1 - trustProxy)]!;
  }
  return addressKey(address);
}

export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
