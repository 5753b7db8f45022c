import { afterAll, describe, expect, it, vi } from 'vitest';
import { ExportPool, ExportRefused } from './ExportPool';
import type { ExportInput } from './model';
import { SAMPLE } from './testing';

/** The sample communiqué with one paragraph of `chars` characters: a PDF of 400,000 takes a second or more. */
function sized(chars: number): ExportInput {
  const text = 'the parties reaffirm their commitment to regional cooperation '.repeat(Math.ceil(chars / 62)).slice(0, chars);
  return { ...SAMPLE, communique: { title: 'Communiqué', paragraphs: [{ id: 'p', kind: 'op', label: 'OP1', runs: [{ text, brackets: [] }] }] } };
}

describe('export pool', () => {
  const pool = new ExportPool({ workers: 1, queuePerSitting: 2, timeoutMs: 60_000 });
  afterAll(() => pool.close());

  it('[X5] an export whose request was closed while it waited leaves its sitting\'s queue', async () => {
    const slow = pool.render('s', { format: 'pdf', input: sized(400_000) });
    const closedB = new AbortController();
    const closedC = new AbortController();
    const b = pool.render('s', { format: 'md', input: SAMPLE }, closedB.signal);
    const c = pool.render('s', { format: 'md', input: SAMPLE }, closedC.signal);
    // the queue is full: one more is refused
    await expect(pool.render('s', { format: 'md', input: SAMPLE })).rejects.toMatchObject({ status: 429 });
    closedB.abort();
    closedC.abort();
    await expect(b).rejects.toBeInstanceOf(ExportRefused);
    await expect(c).rejects.toMatchObject({ status: 503, message: 'The request was closed before its export was made' });
    // their places are free while the first is still being made
    const d = pool.render('s', { format: 'md', input: SAMPLE });
    const e = pool.render('s', { format: 'docx', input: SAMPLE });
    expect(String(await slow).slice(0, 5)).toBe('%PDF-');
    expect(String(await d)).toContain('First meeting of the Kabul Process');
    expect((await e).length).toBeGreaterThan(1000);
  });

  it('[X5] a worker left idle is stopped, and the next export starts another', async () => {
    const brief = new ExportPool({ workers: 1, queuePerSitting: 2, timeoutMs: 60_000, idleMs: 200 });
    try {
      expect(String(await brief.render('s', { format: 'md', input: SAMPLE }))).toContain('Kabul');
      expect(brief.workerCount).toBe(1);
      await vi.waitFor(() => expect(brief.workerCount).toBe(0), { timeout: 5000 });
      expect(String(await brief.render('s', { format: 'md', input: SAMPLE }))).toContain('Kabul');
    } finally {
      await brief.close();
    }
  });
});
