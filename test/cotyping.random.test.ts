import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextSelection } from '@tiptap/pm/state';
import { communiqueSnapshot } from '@plenary/shared';
import { Rng } from './fuzz/random';
import { HeadlessBinding } from '../client/src/testing/headlessBinding';
import { createSitting, delegateToken, SMALL_SITTING, startTestServer, yClient, type TestServer, type YClient } from './helpers/plenary';
import { waitFor } from './helpers/wait';

/**
 * Three delegations drafting the same paragraphs at once through the browser's own editor binding
 * (no DOM), each over a stock y-websocket client to a real server: random runs of typing at random
 * places, deletions of the original words, bold on and off, dropped connections. Each typist has
 * letters of its own, so its words can be found again in the converged text.
 */
const ORIGINAL = ['ALPHA BRAVO CHARLIE DELTA;', 'ECHO FOXTROT GOLF HOTEL;', 'INDIA JULIET KILO LIMA;'];
const LETTERS = ['abcdefghijklm', 'nopqrstuvwxyz', 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی'];
const isOriginal = (ch: string | undefined) => ch === undefined || /[A-Z ;]/.test(ch);

interface Typist {
  y: YClient;
  editor: HeadlessBinding;
  letters: string;
  runs: { paragraph: string; text: string }[];
  online: boolean;
}

let t: TestServer;
let tokens: { af: string; pk: string; cn: string; observer: string };
let sitting = 0;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One typist's session: `steps` random actions, each followed by a short random pause. */
async function draft(me: Typist, rng: Rng, paragraphs: string[], steps: number): Promise<void> {
  for (let step = 0; step < steps; step++) {
    const paragraph = rng.pick(paragraphs);
    const text = me.editor.text(paragraph);
    const action = rng.weighted({ type: 6, delete: 2, bold: 2, link: 1 });
    if (action === 'type') {
      // a boundary between original characters, so no one's earlier words are split on purpose
      const spots = [...Array(text.length + 1).keys()].filter((k) => isOriginal(text[k - 1]) && isOriginal(text[k]));
      if (spots.length === 0) continue;
      me.editor.caret(paragraph, rng.pick(spots));
      let run = '';
      for (let n = 3 + rng.int(6); n > 0; n--) {
        const ch = rng.pick([...me.letters]);
        me.editor.type(ch);
        run += ch;
        await pause(rng.int(8));
      }
      me.runs.push({ paragraph, text: run });
    } else if (action === 'delete') {
      const from = rng.int(Math.max(1, text.length - 2));
      let to = from;
      while (to < text.length && to < from + 3 && isOriginal(text[to])) to++;
      if (to > from) {
        const { pos } = me.editor.paragraph(paragraph);
        me.editor.dispatch(me.editor.state.tr.delete(pos + 1 + from, pos + 1 + to));
      }
    } else if (action === 'bold') {
      const { pos } = me.editor.paragraph(paragraph);
      const from = rng.int(text.length);
      const to = Math.min(text.length, from + 1 + rng.int(6));
      const bold = me.editor.state.schema.marks.bold!.create();
      const tr = rng.chance(0.5) ? me.editor.state.tr.addMark(pos + 1 + from, pos + 1 + to, bold) : me.editor.state.tr.removeMark(pos + 1 + from, pos + 1 + to, bold);
      me.editor.dispatch(tr.setSelection(TextSelection.create(tr.doc, pos + 1 + to)));
    } else {
      if (me.online) me.y.provider.disconnect();
      else me.y.provider.connect();
      me.online = !me.online;
    }
    await pause(rng.int(12));
  }
}

/** Whether every copy holds the same body as the server's, read by an observer that joins now. */
function converged(typists: Typist[], server: YClient): boolean {
  const bodies = [...typists, { y: server }].map((x) => JSON.stringify(x.y.doc.getXmlFragment('body').toJSON()));
  return bodies.every((b) => b === bodies[0]);
}

async function campaign(seed: number, steps: number): Promise<void> {
  const sid = `random-${++sitting}`;
  const links = await createSitting(t, { ...SMALL_SITTING, sessionId: sid, communique: { title: 'Communiqué', preambular: [], operative: ORIGINAL } });
  tokens = { af: delegateToken(links, 'af'), pk: delegateToken(links, 'pk'), cn: delegateToken(links, 'cn'), observer: links.links.observer.token };
  const typists: Typist[] = [];
  for (const [i, who] of (['af', 'pk', 'cn'] as const).entries()) {
    const y = await yClient(t, `${sid}/communique`, tokens[who]);
    typists.push({ y, editor: new HeadlessBinding(y.doc), letters: LETTERS[i]!, runs: [], online: true });
  }
  try {
    const paragraphs = communiqueSnapshot(typists[0]!.y.doc).paragraphs.map((p) => p.id);
    await Promise.all(typists.map((x, i) => draft(x, new Rng(seed * 31 + i), paragraphs, steps)));
    for (const x of typists) if (!x.online) x.y.provider.connect();
    const server = await yClient(t, `${sid}/communique`, tokens.observer);
    try {
      await waitFor(() => converged(typists, server), 15_000, `seed ${seed}: the copies did not converge`);
    } finally {
      server.destroy();
    }

    for (const [i, x] of typists.entries()) {
      // the editor shows what its Yjs doc holds
      const yTexts = communiqueSnapshot(x.y.doc).paragraphs.map((p) => p.runs.map((r) => r.text).join(''));
      expect(paragraphs.map((p) => x.editor.text(p)), `seed ${seed}: typist ${i}'s editor`).toEqual(yTexts);
      // every run typed is still in one piece, in order, in its paragraph
      for (const run of x.runs) expect(x.editor.text(run.paragraph), `seed ${seed}: typist ${i} typed "${run.text}"`).toContain(run.text);
    }
  } finally {
    for (const x of typists) {
      x.editor.destroy();
      x.y.destroy();
    }
  }
}

describe('[E3] drafting at random through the editor binding, three typists at once', () => {
  const seeds = (process.env.PLENARY_COTYPING_SEEDS ?? '1,2,3,4').split(',').map(Number);
  for (const seed of seeds) {
    it(`seed ${seed}: copies converge, each editor shows its doc, and each typed run stays whole and in order`, async () => {
      await campaign(seed, Number(process.env.PLENARY_COTYPING_STEPS ?? 40));
    }, 60_000);
  }
});
