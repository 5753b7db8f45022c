import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseCaretState } from './carets';

describe('[K9] parseCaretState', () => {
  it('[K9] reads what y-tiptap and the caret extension write', () => {
    const doc = new Y.Doc();
    const body = doc.getXmlFragment('body');
    body.insert(0, [new Y.XmlElement('paragraph')]);
    const inRoot = Y.createRelativePositionFromTypeIndex(body, 0);
    const inParagraph = Y.createRelativePositionFromTypeIndex(body.get(0) as Y.XmlElement, 0);
    for (const cursor of [null, { anchor: inRoot, head: inParagraph }]) {
      const state = JSON.parse(JSON.stringify({ user: { name: 'Pakistan', color: '#30bced' }, cursor })) as unknown;
      expect(parseCaretState(state)).toEqual({ ok: true, state });
    }
    expect(parseCaretState({})).toEqual({ ok: true, state: {} });
  });

  it('[K9] refuses anything else, saying why', () => {
    const place = { item: { client: 1, clock: 2 } };
    const cases: [unknown, RegExp][] = [
      [{ cursor: { anchor: null, head: null } }, /cursor.anchor is not an object/],
      [{ cursor: 42 }, /cursor is not an object/],
      [{ cursor: { anchor: {}, head: {} } }, /names no place/],
      [{ cursor: { anchor: { item: { client: 'x', clock: 1 } }, head: place } }, /not a Yjs id/],
      [{ cursor: { anchor: { item: { client: 1, clock: -1 } }, head: place } }, /not a Yjs id/],
      [{ cursor: { anchor: { tname: 'authors' }, head: place } }, /not the communiqué/],
      [{ cursor: { anchor: { ...place, assoc: 0.5 }, head: place } }, /assoc/],
      [{ cursor: null, extra: 1 }, /unknown field "extra"/],
      [JSON.parse('{"__proto__":{"x":1}}'), /unknown field "__proto__"/],
      [{ user: { name: 'x'.repeat(201) } }, /user.name/],
      [{ user: [] }, /user is not an object/],
      [[], /the caret is not an object/],
    ];
    for (const [state, reason] of cases) {
      const parsed = parseCaretState(state);
      expect(parsed.ok, JSON.stringify(state)).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toMatch(reason);
    }
  });
});
