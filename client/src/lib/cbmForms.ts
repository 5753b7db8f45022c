import { CbmFields, CbmTheme, CommitmentStatus, type Commitment, type Measure } from '@plenary/shared';
import type { z } from 'zod';
import { i18n, labelMap } from '../i18n';
import { localDigits } from '../i18n/locale';

/**
 * The CBM forms checked with the shared validators before anything is sent, so a delegate reads
 * the same words the server would answer with, next to the field, without a round trip.
 */

export type Checked<P, K extends string> = { ok: true; payload: P } | { ok: false; errors: Partial<Record<K, string>>; messages: string[] };

const LABEL: Record<string, string> = labelMap({
  title: 'formField.title',
  description: 'formField.description',
  action: 'formField.action',
  note: 'formField.note',
  text: 'formField.text',
});

/** The first problem zod found, in plain words: the validator's own message where it has one. */
function problem(field: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const name = LABEL[field] ?? field;
  if (!issue) return i18n.t('formProblem.notValid', { field });
  if (issue.code === 'too_big' && issue.origin === 'string') return i18n.t('formProblem.atMost', { field: name, n: localDigits(String(issue.maximum)) });
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.message.startsWith('Too small')) {
    return Number(issue.minimum) <= 1 ? i18n.t('formProblem.write', { field: name }) : i18n.t('formProblem.atLeast', { field: name, n: localDigits(String(issue.minimum)) });
  }
  return issue.message;
}

function result<P, K extends string>(errors: Partial<Record<K, string>>, payload: () => P): Checked<P, K> {
  const messages = Object.values(errors).filter((m): m is string => typeof m === 'string');
  return messages.length ? { ok: false, errors, messages } : { ok: true, payload: payload() };
}

// ---- proposing and editing a measure ----

export interface MeasureDraft {
  title: string;
  description: string;
  theme: CbmTheme | '';
  /** agenda item id, '' for none */
  itemId: string;
}

type MeasureField = 'title' | 'description' | 'theme';

export interface ProposePayload {
  title: string;
  description: string;
  theme: CbmTheme;
  itemId?: string;
}

export function emptyMeasureDraft(theme: CbmTheme | '' = 'other'): MeasureDraft {
  return { title: '', description: '', theme, itemId: '' };
}

export function measureDraftOf(m: Measure): MeasureDraft {
  return { title: m.title, description: m.description, theme: m.theme, itemId: m.itemId ?? '' };
}

function parseMeasure(d: MeasureDraft) {
  const title = CbmFields.title.safeParse(d.title);
  const description = CbmFields.description.safeParse(d.description);
  const theme = CbmTheme.safeParse(d.theme);
  const errors: Partial<Record<MeasureField, string>> = {};
  if (!title.success) errors.title = problem('title', title.error);
  if (!description.success) errors.description = problem('description', description.error);
  if (!theme.success) errors.theme = i18n.t('formProblem.chooseTheme');
  return { title, description, theme, errors };
}

export function checkProposal(d: MeasureDraft): Checked<ProposePayload, MeasureField> {
  const p = parseMeasure(d);
  return result(p.errors, () => ({
    title: p.title.data!,
    description: p.description.data!,
    theme: p.theme.data!,
    ...(d.itemId ? { itemId: d.itemId } : {}),
  }));
}

export interface EditPayload {
  title?: string;
  description?: string;
  theme?: CbmTheme;
  itemId?: string | null;
}

/** Only what changed is sent; nothing changed is a problem of its own. */
export function checkEdit(m: Measure, d: MeasureDraft): Checked<EditPayload, MeasureField | 'form'> {
  const p = parseMeasure(d);
  if (Object.keys(p.errors).length) return result<EditPayload, MeasureField | 'form'>(p.errors, () => ({}));
  const change: EditPayload = {};
  if (p.title.data !== m.title) change.title = p.title.data!;
  if (p.description.data !== m.description) change.description = p.description.data!;
  if (p.theme.data !== m.theme) change.theme = p.theme.data!;
  if (d.itemId !== (m.itemId ?? '')) change.itemId = d.itemId || null;
  if (Object.keys(change).length === 0) return { ok: false, errors: { form: i18n.t('formProblem.nothingChanged') }, messages: [i18n.t('formProblem.nothingChanged')] };
  return { ok: true, payload: change };
}

// ---- commitments ----

export interface CommitmentDraft {
  action: string;
  /** yyyy-mm-dd, '' for none */
  deadline: string;
}

export function checkCommitment(d: CommitmentDraft): Checked<{ action: string; deadline?: string }, 'action' | 'deadline'> {
  const action = CbmFields.action.safeParse(d.action);
  const deadline = d.deadline.trim() ? CbmFields.deadline.safeParse(d.deadline.trim()) : null;
  const errors: Partial<Record<'action' | 'deadline', string>> = {};
  if (!action.success) errors.action = problem('action', action.error);
  if (deadline && !deadline.success) errors.deadline = problem('deadline', deadline.error);
  return result(errors, () => ({ action: action.data!, ...(deadline?.data ? { deadline: deadline.data } : {}) }));
}

export interface CommitmentUpdateDraft {
  status: string;
  /** as typed: a whole number 0–100 */
  progress: string;
  note: string;
}

export interface CommitmentUpdatePayload {
  status?: CommitmentStatus;
  progress?: number;
  note?: string;
}

export function commitmentUpdateDraftOf(c: Commitment): CommitmentUpdateDraft {
  return { status: c.status, progress: String(c.progress), note: '' };
}

/** The progress field's problem, in the interface's language (English: `progress is a whole number from 0 to 100`). */
export function progressProblem(): string {
  return i18n.t('formProblem.progress');
}

/** Status and progress when changed, a note when written; at least one of them. */
export function checkCommitmentUpdate(c: Commitment, d: CommitmentUpdateDraft): Checked<CommitmentUpdatePayload, 'status' | 'progress' | 'note' | 'form'> {
  const status = CommitmentStatus.safeParse(d.status);
  const progressText = d.progress.trim();
  const progress = CbmFields.progress.safeParse(/^-?\d+(\.\d+)?$/.test(progressText) ? Number(progressText) : Number.NaN);
  const note = CbmFields.note.safeParse(d.note);
  const errors: Partial<Record<'status' | 'progress' | 'note' | 'form', string>> = {};
  if (!status.success) errors.status = i18n.t('formProblem.chooseStatus');
  if (!progress.success) errors.progress = progressProblem();
  if (!note.success) errors.note = problem('note', note.error);
  if (Object.keys(errors).length) return result(errors, () => ({}));
  const change: CommitmentUpdatePayload = {};
  if (status.data !== c.status) change.status = status.data!;
  if (progress.data !== c.progress) change.progress = progress.data!;
  if (note.data) change.note = note.data;
  if (Object.keys(change).length === 0) {
    const msg = i18n.t('formProblem.changeSomething');
    return { ok: false, errors: { form: msg }, messages: [msg] };
  }
  return { ok: true, payload: change };
}

// ---- comments ----

export function checkComment(text: string): Checked<{ text: string }, 'text'> {
  const t = text.trim();
  if (!t) return { ok: false, errors: { text: i18n.t('formProblem.commentFirst') }, messages: [i18n.t('formProblem.commentFirst')] };
  if (t.length > 4000) return { ok: false, errors: { text: 'a comment has at most 4000 characters' }, messages: ['a comment has at most 4000 characters'] };
  return { ok: true, payload: { text: t } };
}
