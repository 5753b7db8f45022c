import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CreateSessionBody } from '@plenary/shared';
import { KABUL_PROCESS } from './kabul';

const note = readFileSync(new URL('./kabul-process-concept-note.txt', import.meta.url), 'utf8').replace(/\s+/g, ' ').replace(/’/g, "'");

describe('the demo sitting', () => {
  it('[D1] is a valid sitting of 20+ delegations hosted by Afghanistan, on 6 June 2017 in Kabul', () => {
    const body = CreateSessionBody.parse(KABUL_PROCESS);
    expect(body.delegations.length).toBeGreaterThanOrEqual(20);
    expect(body.host).toBe('af');
    expect(body.date).toBe('2017-06-06');
    expect(note).toContain('6 June 2017 in Kabul');
  });

  it('[D1] its agenda follows the concept note', () => {
    const titles = KABUL_PROCESS.agenda!.map((i) => i.title.toLowerCase());
    expect(titles[0]).toContain('opening');
    expect(titles.at(-1)).toContain('closing');
    for (const theme of ['an afghan vision for peace', 'security cooperation']) {
      expect(note.toLowerCase()).toContain(theme);
      expect(titles.some((t) => t.includes(theme))).toBe(true);
    }
  });

  it("[D1] its preambular paragraphs are drawn from the note's aims", () => {
    const phrases = [
      'stable Afghanistan to enable a stable region',
      'Afghan-led and Afghan-owned inclusive peace process',
      'according to international norms and conventions',
      'Terrorism is a global phenomenon posing threats to all',
      'use sanctuaries to plan and execute attacks throughout Afghanistan',
      'overarching process that can serve as an umbrella',
      'increased connectivity, trade and prosperity',
    ];
    for (const phrase of phrases) expect(note).toContain(phrase);
    expect(KABUL_PROCESS.communique!.preambular).toHaveLength(phrases.length);
  });
});
