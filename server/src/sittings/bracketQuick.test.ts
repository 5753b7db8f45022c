import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Actor } from '@plenary/shared';
import { checkBracketHoldersFully } from './bracketHolders';
import { bracketsUntouched } from './bracketQuick';

/** A small seeded generator (its high bits: the low bits of this one repeat quickly), so a failure replays. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return Math.floor((s / 0x80000000) * n);
  };
}

const ACTORS: Actor[] = [
  { role: 'chair', name: 'Chair', sid: 's' } as Actor,
  { role: 'delegate', delegation: 'pk', name: 'Pakistan', sid: 's' } as Actor,
  { role: 'delegate', delegation: 'cn', name: 'China', sid: 's' } as Actor,
];
const KEYS = ['bracket--pk', 'bracket--cn', 'bracket--xx'];

describe('a first look at brackets', () => {
  it('[K11] [L9] says "untouched" only where the full comparison finds nothing: no refusal, no event', () => {
    const rnd = random(5);
    let untouchedSeen = 0;
    let fullSeen = 0;
    for (let round = 0; round < 60; round++) {
      const server = new Y.Doc();
      const body = server.getXmlFragment('body');
      const p = new Y.XmlElement('paragraph');
      p.setAttribute('id', 'p1');
      const text = new Y.XmlText();
      p.insert(0, [text]);
      body.insert(0, [p]);
      text.insert(0, 'Calls upon all States to cooperate in good faith on the matters before them');
      for (let i = 0; i < 1 + rnd(4); i++) {
        const start = rnd(text.length - 1);
        const key = KEYS[rnd(KEYS.length)]!;
        text.format(start, 1 + rnd(Math.min(12, text.length - start - 1)), { [key]: rnd(4) === 0 ? null : { by: key.slice(9), at: 1 } });
      }
      // a few rounds of edits on copies, each judged before it is applied to the server's doc
      for (let step = 0; step < 20; step++) {
        const client = new Y.Doc();
        Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
        const t = (client.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
        const sv = Y.encodeStateVector(client);
        const op = rnd(10);
        const at = rnd(t.length + 1);
        if (op < 4) t.insert(at, 'xy'.slice(0, 1 + rnd(2)));
        else if (op === 4) t.insert(at, 'z', {});
        else if (op === 5) t.insert(at, 'w', { [KEYS[rnd(KEYS.length)]!]: { by: 'pk', at: 2 } });
        else if (op < 8 && t.length > 1) t.delete(Math.min(at, t.length - 1), 1 + rnd(3));
        else if (op === 8 && t.length > 1) t.format(Math.min(at, t.length - 1), 1 + rnd(4), { [KEYS[rnd(KEYS.length)]!]: rnd(2) ? null : { by: 'cn', at: 3 } });
        else {
          t.insert(at, 'a');
          t.delete(Math.max(0, at - 2), 1);
        }
        const update = Y.encodeStateAsUpdate(client, sv);
        const actor = ACTORS[rnd(ACTORS.length)]!;
        const block = body.get(0) as Y.XmlElement;
        if (bracketsUntouched(server, actor, update)(block)) {
          untouchedSeen++;
          expect(checkBracketHoldersFully(server, actor, [block], update)).toEqual({ ok: true, events: { joined: [], lifted: [] } });
        } else fullSeen++;
        Y.applyUpdate(server, update);
      }
    }
    // both ways were taken often
    expect(untouchedSeen).toBeGreaterThan(200);
    expect(fullSeen).toBeGreaterThan(200);
  });

  it('[K11] [L9] says "untouched" only rightly next to where bracketed words, or the words between two brackets, were deleted', () => {
    const shapes: [string, (t: Y.XmlText) => void][] = [
      // "abc" and "def" bracketed by Pakistan, the word between them deleted
      [
        'gap',
        (t) => {
          t.insert(0, 'abcXdef');
          t.format(0, 3, { 'bracket--pk': { by: 'pk', at: 1 } });
          t.format(4, 3, { 'bracket--pk': { by: 'pk', at: 2 } });
          t.delete(3, 1);
        },
      ],
      // China bracketed a word, then deleted it
      [
        'empty',
        (t) => {
          t.insert(0, 'abcXdef');
          t.format(3, 1, { 'bracket--cn': { by: 'cn', at: 1 } });
          t.delete(3, 1);
        },
      ],
    ];
    let refusedFully = 0;
    for (const [, shape] of shapes) {
      for (let at = 0; at <= 6; at++) {
        for (const attributes of [undefined, {}]) {
          for (const actor of ACTORS) {
            const server = new Y.Doc();
            const p = new Y.XmlElement('paragraph');
            const text = new Y.XmlText();
            p.insert(0, [text]);
            server.getXmlFragment('body').insert(0, [p]);
            shape(text);
            const client = new Y.Doc();
            Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
            const sv = Y.encodeStateVector(client);
            ((client.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(at, 'n', attributes);
            const update = Y.encodeStateAsUpdate(client, sv);
            const full = checkBracketHoldersFully(server, actor, [p], update);
            if (!full.ok) refusedFully++;
            if (bracketsUntouched(server, actor, update)(p)) expect(full).toEqual({ ok: true, events: { joined: [], lifted: [] } });
          }
        }
      }
    }
    expect(refusedFully).toBeGreaterThan(0);
  });
});
