import type { CbmState, ParagraphStatus } from '@plenary/shared';

/** Statuses in words (and a shape beside them, so that nothing rests on colour alone), for the read-only views. */

export const PARAGRAPH_STATUS_LABEL: Record<ParagraphStatus, string> = {
  open: 'open',
  bracketed: 'bracketed',
  'agreed-ad-ref': 'agreed ad ref',
  agreed: 'agreed',
};

export const PARAGRAPH_STATUS_ICON: Record<ParagraphStatus, string> = {
  open: '○',
  bracketed: '◐',
  'agreed-ad-ref': '◑',
  agreed: '●',
};

export const CBM_STATE_LABEL: Record<CbmState, string> = {
  proposed: 'proposed',
  'under-discussion': 'under discussion',
  endorsed: 'endorsed',
  'not-endorsed': 'not endorsed',
  withdrawn: 'withdrawn',
};
