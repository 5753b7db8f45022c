import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { paragraphStatuses, statusesAtRevision, type Revision } from './drafting';

const snapshot = {
  title: 'Communiqué',
  paragraphs: ['p1', 'p2', 'p3'].map((id, i) => ({ id, kind: 'operative', label: `OP${i + 1}`, runs: [] })),
} as unknown as Revision['snapshot'];
const revision = (statuses?: Revision['statuses']): Revision => ({ id: 'r-1', n: 1, at: 1_000, by: 'chair', snapshot, ...(statuses ? { statuses } : {}) });

describe('[L7][X4] the statuses at a revision', () => {
  it('are the ones the revision kept, whatever changed at the same time or later', () => {
    const doc = new Y.Doc();
    paragraphStatuses(doc).set('p2', { status: 'agreed', by: 'chair', at: 1_000 });
    expect(statusesAtRevision(doc, revision({ p1: 'agreed-ad-ref', p2: 'open', p3: 'open' }))).toEqual({ p1: 'agreed-ad-ref', p2: 'open', p3: 'open' });
  });

  it('for a revision stored without them: a status set before it counts, never set is open, one set since is not known', () => {
    const doc = new Y.Doc();
    paragraphStatuses(doc).set('p1', { status: 'agreed-ad-ref', by: 'chair', at: 900 });
    paragraphStatuses(doc).set('p2', { status: 'agreed', by: 'chair', at: 1_001 });
    expect(statusesAtRevision(doc, revision())).toEqual({ p1: 'agreed-ad-ref', p3: 'open' });
  });
});
