import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeCommuniqueSkeleton } from './communique';
import { bracketedText, communiqueSnapshot, compareSnapshots, diffWords, type CommuniqueSnapshot } from './snapshot';

describe('[V1] the communiqué as data', () => {
  it('numbers PP and OP paragraphs and writes brackets with their holders', () => {
    const doc = new Y.Doc();
    writeCommuniqueSkeleton(doc, { title: 'Communiqué', preambular: ['Recalling,', 'Noting,'], operative: ['Calls upon all states;'] }, null);
    const op = (doc.getXmlFragment('body').get(3) as Y.XmlElement).get(0) as Y.XmlText;
    op.format(0, 10, { 'bracket--a': { by: 'pk' }, 'bracket--b': { by: 'in' } });
    const snap = communiqueSnapshot(doc);
    expect(snap.title).toBe('Communiqué');
    expect(snap.paragraphs.map((p) => p.label)).toEqual(['PP1', 'PP2', 'OP1']);
    expect(snap.paragraphs[2]!.runs).toEqual([
      { text: 'Calls upon', brackets: ['in', 'pk'] },
      { text: ' all states;', brackets: [] },
    ]);
    expect(bracketedText(snap.paragraphs[2]!)).toBe('[Calls upon] all states;');
  });
});

describe('[V2] comparing texts', () => {
  it('diffs word by word', () => {
    expect(diffWords('Calls upon all states', 'Urges all states and partners')).toEqual([
      { op: 'del', text: 'Calls upon' },
      { op: 'ins', text: 'Urges' },
      { op: 'eq', text: ' all states' },
      { op: 'ins', text: ' and partners' },
    ]);
    // a lifted bracket shows as its brackets (and the alternatives dropped) deleted, the words kept
    expect(diffWords('[Call upon all] states', 'Call upon all states')).toEqual([
      { op: 'del', text: '[' },
      { op: 'eq', text: 'Call upon all' },
      { op: 'del', text: ']' },
      { op: 'eq', text: ' states' },
    ]);
    expect(diffWords('[Express support | Welcome] the vision', 'Welcome the vision')).toEqual([
      { op: 'del', text: '[Express support | ' },
      { op: 'eq', text: 'Welcome' },
      { op: 'del', text: ']' },
      { op: 'eq', text: ' the vision' },
    ]);
  });

  const snap = (...ps: [string, string][]): CommuniqueSnapshot => ({
    title: 'T',
    paragraphs: ps.map(([id, text]) => ({ id, kind: 'op', runs: [{ text, brackets: [] }] })),
  });

  it('matches paragraphs by id: changed, added, removed and moved', () => {
    const older = snap(['a', 'First.'], ['b', 'Second.'], ['c', 'Third.'], ['d', 'Fourth.']);
    const newer = snap(['c', 'Third.'], ['a', 'First, amended.'], ['b', 'Second.'], ['e', 'New.']);
    const changes = compareSnapshots(older, newer);
    expect(changes.map((c) => [c.id, c.change, c.moved])).toEqual([
      ['c', 'same', true],
      ['a', 'changed', false],
      ['b', 'same', false],
      ['e', 'added', false],
      ['d', 'removed', false],
    ]);
    expect(changes[1]!.ops).toEqual([
      { op: 'del', text: 'First.' },
      { op: 'ins', text: 'First, amended.' },
    ]);
  });
});
