import { afterAll, afterEach, beforeAll } from 'vitest';
import { startTestServer, type TestServer, type TestSocket, type YClient } from './plenary';
import type { RawYjs } from './rawYjs';

/** What a test opens against the file's server, closed after each test. */
export interface OpenedInTest {
  clients: YClient[];
  sockets: TestSocket[];
  raws: RawYjs[];
}

/**
 * One Plenary server (port 0) for a test file, handed to `bind` before the tests run and closed
 * after them; the clients a test pushes onto the returned lists are closed after that test.
 */
export function useTestServer(bind: (t: TestServer) => void): OpenedInTest {
  let server: TestServer | undefined;
  const opened: OpenedInTest = { clients: [], sockets: [], raws: [] };
  beforeAll(async () => {
    server = await startTestServer();
    bind(server);
  });
  afterEach(() => {
    for (const c of opened.clients.splice(0)) c.destroy();
    for (const r of opened.raws.splice(0)) r.close();
    for (const s of opened.sockets.splice(0)) s.close();
  });
  afterAll(() => server?.close());
  return opened;
}
