import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandType } from './index';
import { bracketFeedLine, FEED_KEYS, FEED_LINES_EN, feedEnglish, feedLine, feedText, feedVars, fillTemplate, type FeedContext, type FeedKey } from './feed';

const NAMES: Record<string, string> = { pk: 'Pakistan', cn: 'China' };
const ITEMS: Record<string, { number: number; title: string }> = { i3: { number: 3, title: 'Security cooperation' } };

function context(actor: 'chair' | 'pk', floorAfter?: string): FeedContext {
  return {
    actorName: actor === 'chair' ? 'Chair' : NAMES[actor]!,
    actorRole: actor === 'chair' ? 'chair' : 'delegate',
    delegationName: (id) => NAMES[id] ?? id,
    item: (id) => ITEMS[id],
    paragraphLabel: (id) => (id === 'p1' ? 'OP3' : undefined),
    measureTitle: (id) => (id === 'm1' ? 'Border liaison offices' : undefined),
    ...(floorAfter ? { floorAfter } : {}),
  };
}

type Case = [type: CommandType, actor: 'chair' | 'pk', payload: Record<string, unknown>, key: FeedKey | null, text: string | null, floorAfter?: string];

/** Every command, as the feed has always said it in English. */
const CASES: Case[] = [
  ['session.setState', 'chair', { state: 'open' }, 'session.opened', 'Chair opened the sitting'],
  ['session.setState', 'chair', { state: 'suspended' }, 'session.suspended', 'Chair suspended the sitting'],
  ['session.setState', 'chair', { state: 'closed' }, 'session.closed', 'Chair closed the sitting'],
  ['session.setState', 'chair', { state: 'scheduled' }, 'session.scheduled', 'Chair set the sitting to scheduled'],
  ['session.setState', 'chair', { state: 'adjourned' }, 'session.changed', 'Chair changed the sitting'],
  ['agenda.add', 'chair', { title: 'Opening' }, 'agenda.add', 'Chair added “Opening” to the agenda'],
  ['agenda.update', 'chair', { itemId: 'i3', title: 'Security' }, 'agenda.update', 'Chair edited item 3 — Security cooperation'],
  ['agenda.update', 'chair', { itemId: 'gone', title: 'Security' }, 'agenda.update', 'Chair edited an item'],
  ['agenda.move', 'chair', { itemId: 'i3', toIndex: 0 }, 'agenda.move', 'Chair moved item 3 — Security cooperation to position 1'],
  ['agenda.remove', 'chair', { itemId: 'i3' }, 'agenda.remove', 'Chair removed item 3 — Security cooperation from the agenda'],
  ['agenda.open', 'chair', { itemId: 'i3' }, 'agenda.open', 'Chair opened item 3 — Security cooperation'],
  ['agenda.close', 'chair', { itemId: 'i3' }, 'agenda.close', 'Chair closed item 3 — Security cooperation'],
  ['agenda.defer', 'chair', { itemId: 'i3' }, 'agenda.defer', 'Chair deferred item 3 — Security cooperation'],
  ['speakers.request', 'pk', { itemId: 'i3' }, 'speakers.request', 'Pakistan requested the floor'],
  ['speakers.request', 'pk', { itemId: 'i3', delegation: 'pk' }, 'speakers.request', 'Pakistan requested the floor'],
  ['speakers.request', 'chair', { itemId: 'i3', delegation: 'cn' }, 'speakers.requestFor', 'Chair put China on the list of speakers'],
  ['speakers.request', 'chair', { itemId: 'i3' }, 'speakers.request', 'Chair requested the floor'],
  ['speakers.withdraw', 'pk', { itemId: 'i3' }, 'speakers.withdraw', 'Pakistan withdrew from the list of speakers'],
  ['speakers.withdraw', 'chair', { itemId: 'i3', delegation: 'cn' }, 'speakers.withdraw', 'China withdrew from the list of speakers'],
  ['speakers.pointOfOrder', 'pk', { itemId: 'i3' }, 'speakers.pointOfOrder', 'Pakistan raised a point of order'],
  ['speakers.next', 'chair', { itemId: 'i3' }, 'speakers.giveFloor', 'Chair gave the floor to Pakistan', 'pk'],
  ['speakers.giveFloor', 'chair', { itemId: 'i3', delegation: 'cn' }, 'speakers.giveFloor', 'Chair gave the floor to China', 'cn'],
  ['speakers.remove', 'chair', { itemId: 'i3', delegation: 'cn' }, 'speakers.remove', 'Chair removed China from the list of speakers'],
  ['speakers.endSpeech', 'chair', { itemId: 'i3' }, 'speakers.endSpeech', 'Chair ended the speech'],
  ['speakers.close', 'chair', { itemId: 'i3' }, 'speakers.close', 'Chair closed the list of speakers of item 3 — Security cooperation'],
  ['speakers.reopen', 'chair', { itemId: 'i3' }, 'speakers.reopen', 'Chair reopened the list of speakers of item 3 — Security cooperation'],
  ['timer.pause', 'chair', {}, 'timer.pause', 'Chair paused the speaking time'],
  ['timer.resume', 'chair', {}, 'timer.resume', 'Chair resumed the speaking time'],
  ['timer.extend', 'chair', { seconds: 30 }, 'timer.extend', 'Chair extended the speaking time by 30 s'],
  ['paragraph.setStatus', 'chair', { paragraphId: 'p1', status: 'agreed-ad-ref' }, 'paragraph.setStatus', 'Chair marked OP3 agreed ad ref'],
  ['paragraph.setStatus', 'chair', { paragraphId: 'gone', status: 'bracketed' }, 'paragraph.setStatus', 'Chair marked a paragraph bracketed'],
  ['comment.add', 'pk', { paragraphId: 'p1', text: 'Too strong' }, 'comment.add', 'Pakistan commented on OP3'],
  ['comment.resolve', 'chair', { commentId: 'c1' }, 'comment.resolve', 'Chair resolved a comment'],
  ['revision.create', 'chair', {}, 'revision.create', 'Chair issued a new revision of the communiqué'],
  ['silence.start', 'chair', { deadline: 1 }, 'silence.start', 'Chair started a silence procedure'],
  ['silence.withdraw', 'chair', {}, 'silence.withdraw', 'Chair withdrew the silence procedure'],
  ['silence.break', 'pk', { reason: 'OP3 needs {{who}} $t(feed.heading)' }, 'silence.break', 'Pakistan broke silence: OP3 needs {{who}} $t(feed.heading)'],
  ['cbm.propose', 'pk', { title: 'Border liaison offices', description: '', theme: 'border-management' }, 'cbm.propose', 'Pakistan proposed the measure “Border liaison offices”'],
  ['cbm.edit', 'pk', { cbmId: 'm1', title: 'Border offices' }, 'cbm.edit', 'Pakistan edited the measure “Border liaison offices”'],
  ['cbm.edit', 'pk', { cbmId: 'gone', title: 'Border offices' }, 'cbm.edit', 'Pakistan edited the measure “a measure”'],
  ['cbm.cosponsor', 'pk', { cbmId: 'm1' }, 'cbm.cosponsor', 'Pakistan co-sponsored “Border liaison offices”'],
  ['cbm.uncosponsor', 'pk', { cbmId: 'm1' }, 'cbm.uncosponsor', 'Pakistan stopped co-sponsoring “Border liaison offices”'],
  ['cbm.setState', 'pk', { cbmId: 'm1', state: 'withdrawn' }, 'cbm.withdraw', 'Pakistan withdrew “Border liaison offices”'],
  ['cbm.setState', 'chair', { cbmId: 'm1', state: 'under-discussion' }, 'cbm.setState', 'Chair marked “Border liaison offices” under discussion'],
  ['cbm.setState', 'chair', { cbmId: 'm1', state: 'endorsed' }, 'cbm.setState', 'Chair marked “Border liaison offices” endorsed'],
  ['cbm.comment', 'pk', { cbmId: 'm1', text: 'Agreed' }, 'cbm.comment', 'Pakistan commented on “Border liaison offices”'],
  ['commitment.add', 'pk', { cbmId: 'm1', action: 'Open two offices' }, 'commitment.add', 'Pakistan committed to “Open two offices” under “Border liaison offices”'],
  ['commitment.update', 'pk', { commitmentId: 'k1', note: 'On its way' }, 'commitment.report', 'Pakistan reported on a commitment'],
  ['commitment.update', 'pk', { commitmentId: 'k1', progress: 45 }, 'commitment.reportProgress', 'Pakistan reported on a commitment (45 %)'],
  ['commitment.update', 'pk', { commitmentId: 'k1', status: 'in-progress' }, 'commitment.reportStatus', 'Pakistan reported on a commitment: in progress'],
  ['commitment.update', 'chair', { commitmentId: 'k1', progress: 0, status: 'stalled' }, 'commitment.reportProgressStatus', 'Chair reported on a commitment (0 %): stalled'],
  ['attendance.mark', 'chair', { delegation: 'cn', present: true }, 'attendance.present', 'Chair marked China present in the room'],
  ['attendance.mark', 'chair', { delegation: 'cn', present: false }, 'attendance.absent', 'Chair marked China absent from the room'],
  ['focus.set', 'chair', { paragraphId: 'p1' }, null, null],
  ['invite.revoke', 'chair', { role: 'delegate', delegation: 'pk' }, 'invite.revoke', 'Chair revoked the invite link of Pakistan and made a new one'],
  ['invite.revoke', 'chair', { role: 'observer' }, 'invite.revokeObservers', "Chair revoked the observers' invite link and made a new one"],
];

describe('[F2] feed lines as a key and its values', () => {
  it('covers every command and every line', () => {
    expect(new Set(CASES.map(([type]) => type))).toEqual(new Set(Object.keys(COMMANDS)));
    const byEdits = ['bracket.join', 'bracket.lift'];
    expect(new Set(CASES.flatMap(([, , , key]) => (key ? [key] : [])))).toEqual(new Set(Object.keys(FEED_LINES_EN).filter((k) => !byEdits.includes(k))));
  });

  it('[L9] says who joined or lifted whose bracket, keeping the paragraph’s id', () => {
    const joined = bracketFeedLine('bracket.join', { actorName: 'China', actorRole: 'delegate', holders: ['Pakistan', 'India'], paragraphId: 'p1', paragraphLabel: 'OP3' });
    expect(joined).toEqual({ key: 'bracket.join', params: { who: 'China', delegation: 'Pakistan, India', paragraph: 'OP3', paragraphId: 'p1' } });
    expect(feedEnglish(joined)).toBe('China joined the bracket of Pakistan, India in OP3');
    const lifted = bracketFeedLine('bracket.lift', { actorName: 'Chair', actorRole: 'chair', holders: ['Pakistan'], paragraphId: 'p1' });
    expect(lifted.params).toEqual({ who: 'Chair', whoRole: 'chair', delegation: 'Pakistan', paragraphId: 'p1' });
    expect(feedEnglish(lifted)).toBe('Chair lifted the bracket of Pakistan in a paragraph');
  });

  it.each(CASES)('%s by %s %j: %s says today’s English', (type, actor, payload, key, text, floorAfter) => {
    const line = feedLine(type, payload, context(actor, floorAfter));
    expect(line?.key ?? null).toBe(key);
    expect(line ? feedEnglish(line) : null).toBe(text);
    expect(feedText(type, payload, context(actor, floorAfter))).toBe(text);
  });

  it('keeps names and titles as given, states as codes, numbers as numbers, and the chair as a role', () => {
    expect(feedLine('paragraph.setStatus', { paragraphId: 'p1', status: 'agreed-ad-ref' }, context('chair'))).toEqual({
      key: 'paragraph.setStatus',
      params: { who: 'Chair', whoRole: 'chair', paragraph: 'OP3', paragraphId: 'p1', paragraphStatus: 'agreed-ad-ref' },
    });
    expect(feedLine('agenda.move', { itemId: 'i3', toIndex: 1 }, context('chair'))?.params).toEqual({
      who: 'Chair',
      whoRole: 'chair',
      itemNumber: 3,
      itemTitle: 'Security cooperation',
      position: 2,
    });
    expect(feedLine('speakers.withdraw', { itemId: 'i3', delegation: 'cn' }, context('chair'))?.params).toEqual({ who: 'China' });
    expect(feedLine('commitment.update', { commitmentId: 'k1', progress: 45, status: 'in-progress' }, context('pk'))?.params).toEqual({
      who: 'Pakistan',
      progress: 45,
      commitmentStatus: 'in-progress',
    });
    expect(feedLine('cbm.edit', { cbmId: 'gone', title: 'x' }, context('pk'))?.params).toEqual({ who: 'Pakistan' });
  });

  it('puts each language’s words in the placeholders, and fills them in one pass', () => {
    const line = feedLine('agenda.move', { itemId: 'i3', toIndex: 1 }, context('chair'))!;
    const vars = feedVars(line.params, {
      phrase: (p, v) => `${p}(${JSON.stringify(v ?? {})})`,
      code: (kind, v) => `${kind}:${v}`,
      number: (n) => `#${n}`,
      role: (role) => `@${role}`,
      name: (text) => `<${text}>`,
    });
    expect(vars).toMatchObject({ who: '@chair', position: '#2', item: 'item({"number":"#3","title":"<Security cooperation>"})', paragraph: 'aParagraph({})' });
    expect(fillTemplate('{{a}} and {{b}}', { a: '{{b}}', b: 'x' })).toBe('{{b}} and x');
  });

  it('names every key the interface needs', () => {
    expect(FEED_KEYS).toContain('speakers.request');
    expect(FEED_KEYS).toContain('ref.item');
    expect(FEED_KEYS).toHaveLength(Object.keys(FEED_LINES_EN).length + 5);
  });
});

describe('[E6] feed lines name a paragraph by its number now', () => {
  const line = feedLine('paragraph.setStatus', { paragraphId: 'p1', status: 'agreed' }, { ...context('chair'), paragraphLabel: () => 'OP2 bis' })!;

  it('keeps the label it was written with beside the paragraph id', () => {
    expect(line.params).toMatchObject({ paragraph: 'OP2 bis', paragraphId: 'p1' });
    expect(feedEnglish(line)).toBe('Chair marked OP2 bis agreed');
  });

  it('says "OP3 (was OP2 bis)" once the paragraph was renumbered, the label alone while unchanged or gone', () => {
    const say = (now: string | undefined) => feedEnglish(line, () => now);
    expect(say('OP3')).toBe('Chair marked OP3 (was OP2 bis) agreed');
    expect(say('OP2 bis')).toBe('Chair marked OP2 bis agreed');
    expect(say(undefined)).toBe('Chair marked OP2 bis agreed');
  });
});
