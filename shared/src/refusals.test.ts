import { describe, expect, it } from 'vitest';
import { checkRemovable, closeItem, openItem, requestFloor, type AgendaItem } from './agenda';
import { checkTransition, type Measure } from './cbm';
import { PlenaryError } from './errors';
import { ErrorBody } from './schemas';
import { isRefusalKey, REFUSALS_EN, refusalEnglish, refusalVars, type RefusalKey, type RefusalParams } from './refusals';

function refusalOf(fn: () => unknown): PlenaryError {
  try {
    fn();
  } catch (err) {
    if (err instanceof PlenaryError) return err;
    throw err;
  }
  throw new Error('not refused');
}

const items: AgendaItem[] = [
  { id: 'a', title: 'Opening', state: 'closed' },
  { id: 'b', title: 'Security cooperation', state: 'open', speakersClosed: true },
];
const measure = (state: Measure['state']): Measure => ({
  id: 'm', title: 'Hotline', description: '', theme: 'counter-terrorism', proposer: 'af', cosponsors: [], state, createdAt: 0, history: [], comments: [],
});

/** Refusals as the server has always worded them in English. */
const CASES: [RefusalKey, RefusalParams, string][] = [
  ['onlyOpenItemCloses', { number: 1, title: 'Opening', itemState: 'closed' }, 'Only the open item can be closed; item 1 (Opening) is closed'],
  ['itemAlreadyOpen', { number: 2, title: 'Security cooperation' }, 'Item 2 (Security cooperation) is already open'],
  ['listClosed', { number: 2, title: 'Security cooperation' }, 'The list of speakers of item 2 (Security cooperation) is closed'],
  ['sittingTransition', { sessionFrom: 'open', sessionTo: 'scheduled', sessionAllowed: 'suspended,closed' }, 'A open sitting cannot be made scheduled; it can be made suspended or closed'],
  ['measureTransition', { cbmFrom: 'proposed', cbmAllowed: 'under-discussion,endorsed', cbmTo: 'proposed' }, 'A measure proposed can become under-discussion, endorsed, not proposed'],
  ['measureChairEditsOnly', { cbmState: 'under-discussion' }, 'The measure is under-discussion: only the chair can edit it now'],
  ['paragraphAlready', { paragraphStatus: 'agreed-ad-ref' }, 'The paragraph is already agreed-ad-ref'],
  ['noSuchItem', { id: 'i-9' }, 'There is no agenda item "i-9"'],
  ['delegationNotInvited', { delegation: 'zz' }, 'The delegation "zz" is not invited to this sitting'],
  ['onlyChair', { command: 'session.setState' }, 'Only the chair can change the state of the sitting'],
  ['observersCannot', { command: 'speakers.request' }, 'Observers cannot request the floor'],
  ['onlyDelegation', { command: 'silence.break' }, 'Only a delegation can break silence'],
  ['sittingBusy', {}, 'The sitting is busy; try again'],
];

describe('[I7] refusals carry a key and values besides the English message', () => {
  it.each(CASES)('%s: the English message is the template with the values, as before', (key, params, text) => {
    expect(refusalEnglish(key, params)).toBe(text);
    expect(PlenaryError.of('CONFLICT', key, params).message).toBe(text);
  });

  it('the rules refuse with the same English as before, and the body carries the key and the values', () => {
    const closed = refusalOf(() => closeItem(items, 'a', 0));
    expect(closed.toBody()).toEqual({
      code: 'CONFLICT',
      message: 'Only the open item can be closed; item 1 (Opening) is closed',
      key: 'onlyOpenItemCloses',
      params: { number: 1, title: 'Opening', itemState: 'closed' },
    });
    expect(refusalOf(() => openItem(items, 'b', 0)).message).toBe('Item 2 (Security cooperation) is already open');
    expect(refusalOf(() => checkRemovable(items, 'b')).message).toBe('Item 2 (Security cooperation) is open; close it before removing it');
    expect(refusalOf(() => requestFloor(items, 'b', 'pk', 0)).toBody()).toMatchObject({ key: 'listClosed', params: { number: 2, title: 'Security cooperation' } });
    expect(refusalOf(() => checkTransition(measure('endorsed'), 'withdrawn')).toBody()).toEqual({
      code: 'CONFLICT',
      message: 'A measure endorsed can become under-discussion, not withdrawn',
      key: 'measureTransition',
      params: { cbmFrom: 'endorsed', cbmAllowed: 'under-discussion', cbmTo: 'withdrawn' },
    });
  });

  it('a plain message keeps the body {code, message}; both shapes are an ErrorBody', () => {
    const plain = new PlenaryError('INVALID', 'payload.state: Invalid option');
    expect(plain.toBody()).toEqual({ code: 'INVALID', message: 'payload.state: Invalid option' });
    expect(ErrorBody.safeParse(plain.toBody()).success).toBe(true);
    expect(ErrorBody.safeParse(PlenaryError.of('CONFLICT', 'listClosed', { number: 2, title: 'x' }).toBody()).success).toBe(true);
  });

  it('puts each kind of value in the words it is given: states by kind, lists, numbers, commands, names', () => {
    const vars = refusalVars(
      { itemState: 'closed', sessionAllowed: 'open,closed', number: 3, command: 'agenda.open', title: 'Opening' },
      {
        code: (kind, v) => `${kind}:${v}`,
        list: (words) => words.join(' / '),
        number: (n) => `#${n}`,
        command: (type) => `cmd:${type}`,
        name: (text) => `«${text}»`,
      },
    );
    expect(vars).toEqual({ itemState: 'agendaState:closed', sessionAllowed: 'sessionState:open / sessionState:closed', number: '#3', command: 'cmd:agenda.open', title: '«Opening»' });
  });

  it('knows its keys', () => {
    expect(isRefusalKey('listClosed')).toBe(true);
    expect(isRefusalKey('toString')).toBe(false);
    expect(Object.keys(REFUSALS_EN).length).toBeGreaterThan(60);
  });
});
