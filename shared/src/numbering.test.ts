import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { assignNumbers, INSERT_SUFFIXES, paragraphLabels, type NumberedParagraph } from './numbering';
import { communiqueParagraphs, writeCommuniqueSkeleton } from './communique';
import { communiqueSnapshot, paragraphLabel } from './snapshot';

const p = (id: string, kind: string | null = 'op'): NumberedParagraph => ({ id, kind });
const fixed = (...paragraphs: NumberedParagraph[]) => assignNumbers(paragraphs, 0, 0);

describe('[E2] paragraphLabels without fixed numbers', () => {
  it('counts PP and OP each on their own, text and unknown kinds unnumbered', () => {
    expect(paragraphLabels([p('a', 'text'), p('b', 'pp'), p('c', null), p('d', 'pp'), p('e'), p('f', 'whatever'), p('g')])).toEqual([
      null,
      'PP1',
      null,
      'PP2',
      'OP1',
      null,
      'OP2',
    ]);
  });

  it('gives nothing for an empty text', () => {
    expect(paragraphLabels([])).toEqual([]);
  });
});

describe('[E4] paragraphLabels with fixed numbers', () => {
  const numbers = fixed(p('o1'), p('o2'), p('o3'));

  it('a paragraph inserted after OP2 is OP2 bis and no other number moves', () => {
    expect(paragraphLabels([p('o1'), p('o2'), p('new'), p('o3')], numbers)).toEqual(['OP1', 'OP2', 'OP2 bis', 'OP3']);
  });

  it('several inserted after OP2 are bis, ter, quater … in order', () => {
    const text = [p('o1'), p('o2'), ...INSERT_SUFFIXES.slice(0, 9).map((_, i) => p(`n${i}`)), p('o3')];
    expect(paragraphLabels(text, numbers)).toEqual([
      'OP1',
      'OP2',
      'OP2 bis',
      'OP2 ter',
      'OP2 quater',
      'OP2 quinquies',
      'OP2 sexies',
      'OP2 septies',
      'OP2 octies',
      'OP2 novies',
      'OP2 decies',
      'OP3',
    ]);
  });

  it('past the last Latin word a label stays unique', () => {
    const many = Array.from({ length: INSERT_SUFFIXES.length + 1 }, (_, i) => p(`n${i}`));
    const labels = paragraphLabels([p('o1'), ...many], numbers);
    expect(labels.at(-2)).toBe('OP1 vicies');
    expect(labels.at(-1)).toBe('OP1 (21)');
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('a paragraph inserted before OP1 is OP0, the next one OP0 bis', () => {
    expect(paragraphLabels([p('x'), p('y'), p('o1'), p('o2'), p('o3')], numbers)).toEqual(['OP0', 'OP0 bis', 'OP1', 'OP2', 'OP3']);
  });

  it('a deleted paragraph leaves its number unused', () => {
    expect(paragraphLabels([p('o1'), p('o3')], numbers)).toEqual(['OP1', 'OP3']);
    expect(paragraphLabels([p('o1'), p('new'), p('o3')], numbers)).toEqual(['OP1', 'OP1 bis', 'OP3']);
  });

  it('a moved paragraph keeps its number and inserted ones never share a label', () => {
    // OP2 moved to the end; a paragraph added after it there and one where it stood
    expect(paragraphLabels([p('o1'), p('a'), p('o3'), p('o2'), p('b')], numbers)).toEqual(['OP1', 'OP1 bis', 'OP3', 'OP2', 'OP2 bis']);
    expect(paragraphLabels([p('o1'), p('o2'), p('a'), p('o3'), p('o2x'), p('b')], numbers)).toEqual(['OP1', 'OP2', 'OP2 bis', 'OP3', 'OP3 bis', 'OP3 ter']);
  });

  it('PP and OP keep their own series; a paragraph moved to the other series counts as inserted there', () => {
    const mixed = fixed(p('p1', 'pp'), p('p2', 'pp'), p('o1'), p('o2'));
    const text = [p('p1', 'pp'), p('np', 'pp'), p('p2', 'pp'), p('t', 'text'), p('o1'), p('no'), p('p2x', 'op'), p('o2')];
    expect(paragraphLabels(text, mixed)).toEqual(['PP1', 'PP1 bis', 'PP2', null, 'OP1', 'OP1 bis', 'OP1 ter', 'OP2']);
    // PP2 made operative: no longer PP2, and inserted in the OP series
    expect(paragraphLabels([p('p1', 'pp'), p('o1'), p('p2', 'op'), p('o2')], mixed)).toEqual(['PP1', 'OP1', 'OP1 bis', 'OP2']);
  });
});

describe('[E5] renumbering at a revision', () => {
  it('fixes the text as it stands: inserted paragraphs get plain numbers, gaps close', () => {
    const before = fixed(p('o1'), p('o2'), p('o3'));
    const text = [p('p1', 'pp'), p('o1'), p('o2'), p('new'), p('o4')];
    expect(paragraphLabels(text, before)).toEqual(['PP0', 'OP1', 'OP2', 'OP2 bis', 'OP2 ter']);
    const after = assignNumbers(text, 2, 1000);
    expect(after).toEqual({ pp: { p1: 1 }, op: { o1: 1, o2: 2, new: 3, o4: 4 }, rev: 2, at: 1000 });
    expect(paragraphLabels(text, after)).toEqual(['PP1', 'OP1', 'OP2', 'OP3', 'OP4']);
  });
});

describe('[E4] the communiqué read under fixed numbers', () => {
  it('snapshot and paragraphLabel show the inserted paragraph as OP1 bis', () => {
    const doc = new Y.Doc();
    writeCommuniqueSkeleton(doc, { title: 'T', preambular: ['Recalling'], operative: ['Decides', 'Urges'] }, null);
    const numbers = assignNumbers(communiqueParagraphs(doc), 0, 0);
    const body = doc.getXmlFragment('body');
    const inserted = new Y.XmlElement('paragraph');
    inserted.setAttribute('id', 'p-new');
    inserted.setAttribute('kind', 'op');
    body.insert(3, [inserted]);
    expect(communiqueSnapshot(doc, numbers).paragraphs.map((x) => x.label)).toEqual(['PP1', 'OP1', 'OP1 bis', 'OP2']);
    expect(communiqueSnapshot(doc).paragraphs.map((x) => x.label)).toEqual(['PP1', 'OP1', 'OP2', 'OP3']);
    expect(paragraphLabel(doc, 'p-new', numbers)).toBe('OP1 bis');
  });
});
