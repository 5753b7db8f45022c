import type { CbmState, CommitmentStatus, ParagraphStatus } from '@plenary/shared';
import { labelMap } from '../i18n';
import { AGENDA_STATE_LABEL, SESSION_STATE_LABEL } from './format';

/** Statuses in words (and a shape beside them, so that nothing rests on colour alone), for the read-only views. */

export const PARAGRAPH_STATUS_LABEL: Record<ParagraphStatus, string> = labelMap({
  open: 'paragraphStatus.open',
  bracketed: 'paragraphStatus.bracketed',
  'agreed-ad-ref': 'paragraphStatus.agreedAdRef',
  agreed: 'paragraphStatus.agreed',
});

export const PARAGRAPH_STATUS_ICON: Record<ParagraphStatus, string> = {
  open: '○',
  bracketed: '◐',
  'agreed-ad-ref': '◑',
  agreed: '●',
};

export const CBM_STATE_LABEL: Record<CbmState, string> = labelMap({
  proposed: 'cbmState.proposed',
  'under-discussion': 'cbmState.underDiscussion',
  endorsed: 'cbmState.endorsed',
  'not-endorsed': 'cbmState.notEndorsed',
  withdrawn: 'cbmState.withdrawn',
});

export const COMMITMENT_STATUS_LABEL: Record<CommitmentStatus, string> = labelMap({
  planned: 'commitmentStatus.planned',
  'in-progress': 'commitmentStatus.inProgress',
  done: 'commitmentStatus.done',
  stalled: 'commitmentStatus.stalled',
});

/** The interface's word for each state or status code a feed line or a refusal holds (F2, I7), by its kind. */
export const CODE_WORDS: Record<'agendaState' | 'sessionState' | 'paragraphStatus' | 'cbmState' | 'commitmentStatus', Record<string, string>> = {
  agendaState: AGENDA_STATE_LABEL,
  sessionState: SESSION_STATE_LABEL,
  paragraphStatus: PARAGRAPH_STATUS_LABEL,
  cbmState: CBM_STATE_LABEL,
  commitmentStatus: COMMITMENT_STATUS_LABEL,
};
