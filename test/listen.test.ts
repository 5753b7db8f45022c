import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/plenary';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

/** The accept queue of a listening TCP socket, as the kernel reports it (`ss`: Send-Q of a listener). */
function backlogOf(port: number): number {
  let out: string;
  try {
    out = execFileSync('ss', ['-Hltn', `sport = :${port}`], { encoding: 'utf8' });
  } catch {
    throw new Error('`ss` is needed to read the listen backlog: apt-get install -y iproute2');
  }
  const line = out.trim().split('\n')[0];
  if (!line) throw new Error(`no listener on port ${port} in: ${out}`);
  // State Recv-Q Send-Q Local Peer
  return Number(line.trim().split(/\s+/)[2]);
}

describe('listening', () => {
  it('[R7] the server keeps room for a join storm in its accept queue (backlog 4,096, capped by somaxconn)', () => {
    const somaxconn = Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8'));
    expect(backlogOf(Number(new URL(t.url).port))).toBe(Math.min(4096, somaxconn));
  });
});
