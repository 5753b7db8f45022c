import { afterAll, describe, expect, it } from 'vitest';
import { PlenaryError } from '@plenary/shared';
import { i18n } from '../i18n';
import { refusalText, serverRefusal } from './refusals';

const isolate = (text: string) => `\u2068${text}\u2069`;

describe('[I7] refusals in the reader’s language', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('words a refusal with a state and an item in Pashto and Dari, with their state words and digits', async () => {
    const refused = PlenaryError.of('CONFLICT', 'onlyOpenItemCloses', { number: 2, title: 'Opening', itemState: 'closed' }).toBody();
    await i18n.changeLanguage('ps');
    expect(refusalText(refused)).toBe(`یوازې پرانیستې موضوع تړل کېدای شي؛ د موضوع ۲ (${isolate('Opening')}) حالت «بشپړ شوی» دی`);
    await i18n.changeLanguage('fa-AF');
    expect(refusalText(refused)).toBe(`فقط موضوع باز را می‌توان بست؛ وضعیت موضوع ۲ (${isolate('Opening')}) «انجام‌شده» است`);
    await i18n.changeLanguage('en');
    expect(refusalText(refused)).toBe('Only the open item can be closed; item 2 (Opening) is done');
  });

  it('names a command by what it does, and lists the states a thing may move to', async () => {
    await i18n.changeLanguage('ps');
    expect(refusalText(PlenaryError.of('FORBIDDEN', 'onlyChair', { command: 'agenda.open' }).toBody())).toBe('یوازې د غونډې رئیس دا واک لري: د اجنډا موضوع پرانیستل');
    const transition = PlenaryError.of('CONFLICT', 'sittingTransition', { sessionFrom: 'open', sessionTo: 'scheduled', sessionAllowed: 'suspended,closed' }).toBody();
    expect(refusalText(transition)).toBe('د غونډې حالت له «پرانیستې» څخه «ټاکل شوې» ته نه بدلېږي؛ شوني حالتونه: ځنډول شوې یا تړل شوې');
    await i18n.changeLanguage('en');
    expect(refusalText(transition)).toBe(transition.message);
  });

  it('falls back to the server’s English message for an unknown key, or none', async () => {
    await i18n.changeLanguage('ps');
    expect(refusalText({ message: 'Something new went wrong', key: 'somethingNew', params: { id: 'x' } })).toBe('Something new went wrong');
    expect(refusalText({ message: 'payload.state: Invalid option' })).toBe('payload.state: Invalid option');
    expect(refusalText({ message: 'x', key: 'toString' })).toBe('x');
  });

  it('reads the refusal of a connection from the error’s data, or its message alone', () => {
    expect(serverRefusal({ code: 'UNAUTHORIZED', message: 'The invite token has expired', key: 'tokenExpired', params: {} }, 'fallback')).toEqual({
      message: 'The invite token has expired',
      key: 'tokenExpired',
      params: {},
    });
    expect(serverRefusal(undefined, 'xhr poll error')).toEqual({ message: 'xhr poll error' });
  });
});
