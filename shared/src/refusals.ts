import { COMMAND_RULES, isCommandType } from './commandRules';
import { fillTemplate } from './feed';

/**
 * What the server says when it refuses something a person asked for, as a key and values
 * besides the English `message` (I7): each reader sees it in their own language
 * (`refusal.<key>` in the interface), API clients read the English.
 */
export const REFUSALS_EN = {
  // the agenda and the lists of speakers
  noSuchItem: 'There is no agenda item "{{id}}"',
  noSuchItemToAddAfter: 'There is no agenda item "{{id}}" to add after',
  itemAlreadyOpen: 'Item {{number}} ({{title}}) is already open',
  onlyOpenItemCloses: 'Only the open item can be closed; item {{number}} ({{title}}) is {{itemState}}',
  itemAlreadyDeferred: 'Item {{number}} ({{title}}) is already deferred',
  itemClosedNoDefer: 'Item {{number}} ({{title}}) is closed; open it again to defer it',
  itemOpenNoRemove: 'Item {{number}} ({{title}}) is open; close it before removing it',
  pointOfOrderOpenItemOnly: 'A point of order can be raised only on the open item; item {{number}} ({{title}}) is {{itemState}}',
  floorOpenItemOnly: 'The floor is given only on the open item; item {{number}} ({{title}}) is {{itemState}}',
  listNotTakingRequests: 'The list of speakers of item {{number}} ({{title}}) is not taking requests: the item is {{itemState}}',
  listClosed: 'The list of speakers of item {{number}} ({{title}}) is closed',
  listAlreadyClosed: 'The list of speakers of item {{number}} ({{title}}) is already closed',
  listAlreadyOpen: 'The list of speakers of item {{number}} ({{title}}) is already open',
  hasFloor: 'This delegation has the floor',
  alreadyOnList: 'This delegation is already on the list of speakers',
  alreadyPointOfOrder: 'This delegation has already raised a point of order',
  notOnList: 'This delegation is not on the list of speakers of item {{number}} ({{title}})',
  nobodyWaiting: 'No one is waiting to speak on item {{number}} ({{title}})',
  nobodyHasFloorOn: 'No one has the floor on item {{number}} ({{title}})',
  noItemOpen: 'No agenda item is open',
  nobodyHasFloor: 'No one has the floor',
  timerAlreadyPaused: 'The timer is already paused',
  timerAlreadyRunning: 'The timer is already running',
  ownDelegationOnly: 'A delegate can act for their own delegation only',
  delegationNotInvited: 'The delegation "{{delegation}}" is not invited to this sitting',
  // the sitting and attendance
  sittingAlready: 'The sitting is already {{sessionState}}',
  sittingTransition: 'A {{sessionFrom}} sitting cannot be made {{sessionTo}}; it can be made {{sessionAllowed}}',
  alreadyPresent: 'The delegation is already marked present',
  alreadyAbsent: 'The delegation is already marked absent',
  // the communiqué
  noSuchParagraph: 'There is no paragraph "{{id}}" in the communiqué',
  paragraphAlready: 'The paragraph is already {{paragraphStatus}}',
  bracketsBlockAgreement: 'A paragraph with brackets cannot be agreed; lift its brackets first',
  paragraphIdShared: 'Another paragraph carries the same id; delete the copy before agreeing',
  replyNotOnParagraph: 'The comment replied to is not on this paragraph',
  noSuchComment: 'There is no comment "{{id}}"',
  resolveAuthorOrChair: 'Only its author or the chair can resolve a comment',
  commentAlreadyResolved: 'The comment is already resolved',
  communiqueUnreadable: 'The communiqué could not be read',
  silenceRunning: 'A silence procedure is already running',
  silenceTooSoon: 'payload.deadline: the deadline must be at least a second away',
  silenceTooFar: 'payload.deadline: the deadline must be within 14 days',
  noSilenceRunning: 'No silence procedure is running',
  silenceKept: 'The deadline has passed: silence was kept',
  silenceOverBrackets: '{{labels}} still hold brackets and would stay open when silence passes; start it anyway to confirm',
  // measures and commitments
  noSuchMeasure: 'There is no measure "{{id}}"',
  measureAlready: 'The measure is already {{cbmState}}',
  measureTransition: 'A measure {{cbmFrom}} can become {{cbmAllowed}}, not {{cbmTo}}',
  measureFinal: 'A {{cbmState}} measure cannot change any more',
  measureIs: 'The measure is {{cbmState}}',
  measureChairEditsOnly: 'The measure is {{cbmState}}: only the chair can edit it now',
  measureNoCommitments: 'The measure is {{cbmState}}: it takes no commitments',
  editProposerOrChair: 'Only the proposing delegation or the chair can edit a measure',
  withdrawProposerOnly: 'Only the proposing delegation can withdraw a measure',
  ownMeasureNoCosponsor: 'The proposing delegation does not co-sponsor its own measure',
  alreadyCosponsor: 'This delegation already co-sponsors the measure',
  notCosponsor: 'This delegation does not co-sponsor the measure',
  noSuchCommitment: 'There is no commitment "{{id}}"',
  ownCommitmentsOnly: 'A delegation can update its own commitments only',
  // rights: `command` is the command's type, said with its verb
  observersCannot: 'Observers cannot {{command}}',
  onlyChair: 'Only the chair can {{command}}',
  onlyDelegation: 'Only a delegation can {{command}}',
  // joining with an invite link
  tokenRequired: 'An invite token is required',
  tokenTooLong: 'The invite token is too long',
  tokenExpired: 'The invite token has expired',
  tokenInvalid: 'The invite token is not valid',
  tokenNoClaims: 'The invite token does not name a sitting and a role',
  tokenOtherSitting: 'The invite token is for another sitting',
  tokenSittingMissing: 'The sitting of this invite token does not exist',
  tokenDelegationNotInvited: 'The delegation of this invite token is not invited to the sitting',
  tokenUnchecked: 'The invite token could not be checked',
  inviteRevoked: 'This invite link was revoked; ask the chair for the new one',
  // the server
  sittingBusy: 'The sitting is busy; try again',
  commandFailed: 'The server could not apply the command; try again',
  storageUnavailable: 'Storage is unavailable; try again',
  storageFailed: 'Storage is unavailable; nothing was saved, try again',
} as const;
export type RefusalKey = keyof typeof REFUSALS_EN;

/**
 * The values a refusal names, by placeholder: names and ids as given, numbers as numbers, states
 * as codes (`under-discussion`), lists of states as codes joined by commas, commands by type.
 */
export type RefusalParams = Record<string, string | number>;

/** A refusal before it is put in words. */
export interface RefusalLine {
  key: RefusalKey;
  params: RefusalParams;
}

export type RefusalCode = 'agendaState' | 'sessionState' | 'paragraphStatus' | 'cbmState';

/** Placeholders holding one state, by the kind of state. */
const CODE_PARAMS: Readonly<Record<string, RefusalCode>> = {
  itemState: 'agendaState',
  sessionState: 'sessionState',
  sessionFrom: 'sessionState',
  sessionTo: 'sessionState',
  paragraphStatus: 'paragraphStatus',
  cbmState: 'cbmState',
  cbmFrom: 'cbmState',
  cbmTo: 'cbmState',
};

/** Placeholders holding the states a thing may move to, and how English joins them. */
const LIST_PARAMS: Readonly<Record<string, { code: RefusalCode; en: string }>> = {
  sessionAllowed: { code: 'sessionState', en: ' or ' },
  cbmAllowed: { code: 'cbmState', en: ', ' },
};

/** How a language says what a refusal's values stand for. */
export interface RefusalWords {
  code(kind: RefusalCode, value: string): string;
  /** states a thing may move to, each already in words; `param` is the placeholder */
  list(words: string[], param: string): string;
  number(n: number): string;
  /** what a command does ("open an agenda item"), by its type */
  command(type: string): string;
  /** a name, title or id, as given (a right-to-left language may isolate it) */
  name(text: string): string;
}

/** The values to put in a refusal's placeholders, in the words of one language. */
export function refusalVars(params: RefusalParams, w: RefusalWords): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const code = CODE_PARAMS[k];
    const list = LIST_PARAMS[k];
    if (typeof v === 'number') vars[k] = w.number(v);
    else if (code) vars[k] = w.code(code, v);
    else if (list) vars[k] = w.list(v.split(',').map((c) => w.code(list.code, c)), k);
    else if (k === 'command') vars[k] = w.command(v);
    else vars[k] = w.name(v);
  }
  return vars;
}

const ENGLISH: RefusalWords = {
  code: (_, value) => value,
  list: (words, param) => words.join(LIST_PARAMS[param]?.en ?? ', '),
  number: (n) => String(n),
  command: (type) => (isCommandType(type) ? COMMAND_RULES[type].verb : type),
  name: (text) => text,
};

/** The refusal in English: the `message` sent beside its key. */
export function refusalEnglish(key: RefusalKey, params: RefusalParams = {}): string {
  return fillTemplate(REFUSALS_EN[key], refusalVars(params, ENGLISH));
}

export function isRefusalKey(key: unknown): key is RefusalKey {
  return typeof key === 'string' && Object.hasOwn(REFUSALS_EN, key);
}
