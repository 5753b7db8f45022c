import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CreateSessionResponse } from '@plenary/shared';
import { cmd, createSitting, delegateToken, ioClient, SMALL_SITTING, startTestServer, type TestServer } from './helpers/plenary';
import { rawYjs } from './helpers/rawYjs';
import { watchHealth } from './helpers/responsiveness';
import { largePaste } from './attacks/work';

const MAX_CHARS = 1_000_000;

/** A sitting whose paragraphs a delegate filled with `chars[i]` characters each (stored before it returns). */
async function sittingWithText(t: TestServer, sessionId: string, chars: number[]): Promise<CreateSessionResponse> {
  const s = await createSitting(t, { ...SMALL_SITTING, sessionId });
  const delegate = await rawYjs(t, `${sessionId}/communique`, delegateToken(s, 'af'));
  try {
    for (const [i, n] of chars.entries()) {
      delegate.edit((doc) => ((doc.getXmlFragment('body').get(1 + i) as Y.XmlElement).get(0) as Y.XmlText).insert(0, largePaste(n)));
      await delegate.barrier();
    }
  } finally {
    delegate.close();
  }
  return s;
}

function exportOf(t: TestServer, s: CreateSessionResponse, format: 'md' | 'docx' | 'pdf'): Promise<Response> {
  return fetch(`${t.url}/api/sessions/${s.sessionId}/communique.${format}`, { headers: { authorization: `Bearer ${s.links.observer.token}` } });
}

describe('exports off the event loop', () => {
  let t: TestServer;
  let large: CreateSessionResponse;
  let tooLarge: CreateSessionResponse;
  let medium: CreateSessionResponse;
  let small: CreateSessionResponse;

  beforeAll(async () => {
    t = await startTestServer({ exports: { workers: 1, queuePerSitting: 2, maxChars: MAX_CHARS, timeoutMs: 60_000 } });
    large = await sittingWithText(t, 'large', [980_000]);
    tooLarge = await sittingWithText(t, 'too-large', [600_000, 600_000]);
    medium = await sittingWithText(t, 'medium', [150_000]);
    small = await createSitting(t, { ...SMALL_SITTING, sessionId: 'small' });
  }, 60_000);

  afterAll(() => t?.close());

  it('[X5] a PDF of a large text is made while /healthz and a command in another sitting answer within a second', async () => {
    const chair = await ioClient(t, small.links.chair.token);
    try {
      const health = watchHealth(t.url);
      const t0 = performance.now();
      const pdf = exportOf(t, large, 'pdf');
      // a command in another sitting, sent while the PDF is being made
      await new Promise((r) => setTimeout(r, 100));
      const c0 = performance.now();
      const ack = await cmd(chair, 'session.setState', { state: 'open' });
      const commandMs = performance.now() - c0;
      const res = await pdf;
      const body = Buffer.from(await res.arrayBuffer());
      const exportMs = performance.now() - t0;
      const { maxMs, polls } = await health.stop();
      console.log(`[K11] PDF of 980,000 characters (${body.byteLength} bytes) made in ${exportMs.toFixed(0)} ms; /healthz max ${maxMs.toFixed(0)} ms over ${polls} polls; command in another sitting ${commandMs.toFixed(0)} ms`);
      expect(res.status).toBe(200);
      expect(body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(ack).toMatchObject({ ok: true });
      expect(commandMs).toBeLessThan(1000);
      expect(maxMs).toBeLessThan(1000);
    } finally {
      chair.close();
    }
  });

  it('[X5] a text over the export limit is refused with 413 saying how large it is, in every format, at once', async () => {
    for (const format of ['md', 'docx', 'pdf'] as const) {
      const t0 = performance.now();
      const res = await exportOf(t, tooLarge, format);
      expect(res.status).toBe(413);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('INVALID');
      expect(error.message).toMatch(/^The text is too large to export: 1,200,\d{3} characters, at most 1,000,000$/);
      expect(performance.now() - t0).toBeLessThan(1000);
    }
  });

  it('[X5] one export of a sitting is made at a time, a few wait, more are refused with 429 and Retry-After; another sitting is not held behind them', async () => {
    const finished: string[] = [];
    const track = (name: string, p: Promise<Response>) =>
      p.then(async (res) => {
        finished.push(`${name}:${res.status}`);
        return { res, body: await res.text() };
      });
    // one being made, two waiting, three refused
    const burst = Array.from({ length: 6 }, (_, i) => track(`medium${i}`, exportOf(t, medium, 'pdf')));
    await new Promise((r) => setTimeout(r, 50));
    const other = track('small', exportOf(t, small, 'docx'));
    const results = await Promise.all(burst);
    expect((await other).res.status).toBe(200);
    const refused = results.filter((r) => r.res.status === 429);
    expect(results.filter((r) => r.res.status === 200)).toHaveLength(3);
    expect(refused).toHaveLength(3);
    for (const r of refused) {
      expect(r.res.headers.get('retry-after')).toBe('5');
      expect(JSON.parse(r.body)).toEqual({
        error: { code: 'RATE_LIMITED', message: 'An export of this sitting is being made and 2 more are waiting; retry in a few seconds' },
      });
    }
    // the other sitting's export took the worker after the first of the burst, not after all of them
    const made = finished.filter((f) => f.endsWith(':200'));
    expect(made.indexOf('small:200')).toBeLessThan(made.length - 1);
    expect(made.indexOf('small:200')).toBeLessThanOrEqual(1);
  });

  it('[X5] a render that takes too long is stopped and refused with 503; the next export gets a fresh worker', async () => {
    const hasty = await startTestServer({ exports: { workers: 1, queuePerSitting: 2, maxChars: MAX_CHARS, timeoutMs: 300 } });
    try {
      const s = await sittingWithText(hasty, 'slow', [400_000]);
      const res = await exportOf(hasty, s, 'pdf');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(await res.json()).toEqual({ error: { code: 'UNAVAILABLE', message: 'The export took longer than 0.3 s and was stopped; retry later' } });
      const small = await createSitting(hasty, { ...SMALL_SITTING, sessionId: 'quick' });
      expect((await exportOf(hasty, small, 'md')).status).toBe(200);
    } finally {
      await hasty.close();
    }
  });
});
