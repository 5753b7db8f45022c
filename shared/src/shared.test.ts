import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  can,
  COMMANDS,
  communiqueText,
  CreateSessionBody,
  InviteClaims,
  initSessionDoc,
  parseDocName,
  readSession,
  RIGHTS,
  SESSION_TRANSITIONS,
  SessionState,
  writeCommuniqueSkeleton,
} from './index';

describe('roles and rights', () => {
  it('[C2] follows the design table: observers write nothing, delegates do not preside', () => {
    expect(RIGHTS.observer).toEqual({ draft: false, preside: false, participate: false });
    expect(can('delegate', 'draft')).toBe(true);
    expect(can('delegate', 'preside')).toBe(false);
    expect(can('chair', 'preside')).toBe(true);
  });

  it('[C2] every command names a right', () => {
    for (const spec of Object.values(COMMANDS)) expect(Object.keys(RIGHTS.chair)).toContain(spec.right);
  });
});

describe('sitting state machine', () => {
  it('[C6] every state can be left and no state leads to itself', () => {
    for (const state of SessionState.options) {
      expect(SESSION_TRANSITIONS[state].length).toBeGreaterThan(0);
      expect(SESSION_TRANSITIONS[state]).not.toContain(state);
    }
  });
});

describe('invite claims', () => {
  it('[R1] a delegate names exactly one delegation; other roles none', () => {
    expect(InviteClaims.safeParse({ sid: 'ab', role: 'delegate', del: 'pk', exp: 1 }).success).toBe(true);
    expect(InviteClaims.safeParse({ sid: 'ab', role: 'delegate', exp: 1 }).success).toBe(false);
    expect(InviteClaims.safeParse({ sid: 'ab', role: 'chair', del: 'pk', exp: 1 }).success).toBe(false);
    expect(InviteClaims.safeParse({ sid: 'AB/..', role: 'chair', exp: 1 }).success).toBe(false);
  });
});

describe('doc names', () => {
  it('[R1] only <sid>/communique and <sid>/session are docs', () => {
    expect(parseDocName('kabul-1/communique')).toEqual({ sid: 'kabul-1', kind: 'communique' });
    expect(parseDocName('kabul-1/session')).toEqual({ sid: 'kabul-1', kind: 'session' });
    expect(parseDocName('kabul-1/other')).toBeNull();
    expect(parseDocName('../x/session')).toBeNull();
    expect(parseDocName('nosuch')).toBeNull();
  });
});

describe('new sitting docs', () => {
  it('[H2] the session doc reads back as the sitting it was created from', () => {
    const doc = new Y.Doc();
    initSessionDoc(
      doc,
      {
        title: 'T',
        venue: 'Kabul',
        delegations: [{ id: 'af', name: 'Afghanistan', short: 'AF', color: '#1f77b4', group: 'host' }],
        agenda: [{ id: 'i1', title: 'Opening', durationMin: 10 }],
        createdAt: 5,
      },
      null,
    );
    expect(readSession(doc)).toEqual({
      meta: { title: 'T', venue: 'Kabul', state: 'scheduled', createdAt: 5 },
      delegations: [{ id: 'af', name: 'Afghanistan', short: 'AF', color: '#1f77b4', group: 'host' }],
      agenda: [{ id: 'i1', number: 1, title: 'Opening', durationMin: 10, state: 'pending' }],
      paragraphs: {},
      comments: [],
      revisions: [],
      numbers: null,
      silence: null,
      cbms: [],
      commitments: [],
      feed: [],
      attendance: {},
    });
  });

  it('[H2] the communiqué skeleton has a title and numbered-kind paragraphs with ids', () => {
    const doc = new Y.Doc();
    writeCommuniqueSkeleton(doc, { title: 'C', preambular: ['Recalling,'], operative: ['Decides;'] }, null);
    expect(communiqueText(doc)).toBe('C\nRecalling,\nDecides;');
    const paras = doc.getXmlFragment('body').toArray().slice(1) as Y.XmlElement[];
    expect(paras.map((p) => p.getAttribute('kind'))).toEqual(['pp', 'op']);
    expect(new Set(paras.map((p) => p.getAttribute('id'))).size).toBe(2);
  });

  it('[H1] a sitting body is validated before anything is created', () => {
    expect(CreateSessionBody.safeParse({ title: 'x', delegations: [{ id: 'a', name: 'A' }], host: 'b' }).success).toBe(false);
  });
});
