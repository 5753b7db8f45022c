import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Delegation, FeedEntry } from '@plenary/shared';
import { i18n } from '../../i18n';
import en from '../../i18n/locales/en.json';
import faAF from '../../i18n/locales/fa-AF.json';
import ps from '../../i18n/locales/ps.json';
import { ActivityFeed } from './ActivityFeed';

const T = Date.parse('2017-06-06T14:02:00Z');
const delegations: Delegation[] = [{ id: 'pk', name: 'Pakistan', short: 'PK', color: '#d62728', group: 'region' }];
const feed: FeedEntry[] = [
  {
    id: 'f1',
    at: T,
    actor: 'chair',
    kind: 'agenda',
    text: 'Chair opened item 3 — Security cooperation',
    key: 'agenda.open',
    params: { who: 'Chair', whoRole: 'chair', itemNumber: 3, itemTitle: 'Security cooperation' },
  },
  {
    id: 'f2',
    at: T + 60_000,
    actor: 'chair',
    kind: 'paragraph',
    text: 'Chair marked OP3 agreed ad ref',
    key: 'paragraph.setStatus',
    params: { who: 'Chair', whoRole: 'chair', paragraph: 'OP3', paragraphStatus: 'agreed-ad-ref' },
  },
  {
    id: 'f3',
    at: T + 2 * 60_000,
    actor: 'delegate:pk',
    delegation: 'pk',
    kind: 'commitment',
    text: 'Pakistan reported on a commitment (45 %): in progress',
    key: 'commitment.reportProgressStatus',
    params: { who: 'Pakistan', progress: 45, commitmentStatus: 'in-progress' },
  },
  // stored before lines had keys
  { id: 'f4', at: T + 3 * 60_000, actor: 'delegate:pk', delegation: 'pk', kind: 'speakers', text: 'Pakistan requested the floor' },
  // written by a newer server, with a line this interface does not know yet
  { id: 'f5', at: T + 4 * 60_000, actor: 'chair', kind: 'timer', text: 'Chair stopped the clock', key: 'timer.stop', params: { who: 'Chair' } },
];

const lines = (html: string) => [...html.matchAll(/<span class="feed__text"( dir="auto")?>([^<]*)<\/span>/g)].map((m) => `${m[1] ? 'auto: ' : ''}${m[2]}`);
const isolate = (name: string) => `\u2068${name}\u2069`;

describe('[F2] the activity feed in the viewer’s language', () => {
  beforeAll(() => {
    // the words as the interface has them once a language is chosen
    i18n.addResourceBundle('en', 'translation', en, true, true);
    i18n.addResourceBundle('fa-AF', 'translation', faAF, true, true);
    i18n.addResourceBundle('ps', 'translation', ps, true, true);
  });
  afterAll(() => i18n.changeLanguage('en'));

  it('says each line in Pashto, with the chair, states and numbers in Pashto and names as given', async () => {
    await i18n.changeLanguage('ps');
    expect(lines(renderToStaticMarkup(<ActivityFeed feed={feed} delegations={delegations} />))).toEqual([
      'auto: Chair stopped the clock',
      'auto: Pakistan requested the floor',
      `${isolate('Pakistan')} د یوې ژمنې په اړه راپور ورکړ (۴۵٪): روانه`,
      `د غونډې رئیس د ${isolate('OP3')} حالت «منل شوی (ad ref)» وټاکه`,
      `د غونډې رئیس موضوع ۳ — ${isolate('Security cooperation')} پرانیستله`,
    ]);
  });

  it('says them in Dari', async () => {
    await i18n.changeLanguage('fa-AF');
    expect(lines(renderToStaticMarkup(<ActivityFeed feed={feed} delegations={delegations} />)).slice(2)).toEqual([
      `${isolate('Pakistan')} درباره یک تعهد گزارش داد (۴۵٪): در جریان`,
      `رئیس جلسه وضعیت ${isolate('OP3')} را «موافقه‌شده (ad ref)» تعیین کرد`,
      `رئیس جلسه موضوع ۳ — ${isolate('Security cooperation')} را باز کرد`,
    ]);
  });

  it('says them in English as the server wrote them', async () => {
    await i18n.changeLanguage('en');
    expect(lines(renderToStaticMarkup(<ActivityFeed feed={feed} delegations={delegations} />))).toEqual([
      'auto: Chair stopped the clock',
      'auto: Pakistan requested the floor',
      ...feed
        .slice(0, 3)
        .map((e) => e.text)
        .reverse(),
    ]);
  });
});

describe('[E6] a feed line names its paragraph by the number it has now', () => {
  const written: FeedEntry[] = [
    {
      id: 'f1',
      at: T,
      actor: 'chair',
      kind: 'paragraph',
      text: 'Chair marked OP2 bis agreed',
      key: 'paragraph.setStatus',
      params: { who: 'Chair', whoRole: 'chair', paragraph: 'OP2 bis', paragraphId: 'p-9', paragraphStatus: 'agreed' },
    },
  ];
  const render = (label: string | null) =>
    lines(renderToStaticMarkup(<ActivityFeed feed={written} delegations={delegations} outline={label ? [{ id: 'p-9', kind: 'op', label }] : []} />));

  it('shows both labels once the paragraph was renumbered, in each language', async () => {
    await i18n.changeLanguage('en');
    expect(render('OP3')).toEqual(['Chair marked OP3 (was OP2 bis) agreed']);
    expect(render('OP2 bis')).toEqual(['Chair marked OP2 bis agreed']);
    // the paragraph is gone: the label it was written with
    expect(render(null)).toEqual(['Chair marked OP2 bis agreed']);
    await i18n.changeLanguage('fa-AF');
    expect(render('OP3')[0]).toContain(`${isolate('OP3')} (قبلاً ${isolate('OP2 bis')})`);
    await i18n.changeLanguage('ps');
    expect(render('OP3')[0]).toContain(`${isolate('OP3')} (مخکې ${isolate('OP2 bis')})`);
    await i18n.changeLanguage('en');
  });
});
