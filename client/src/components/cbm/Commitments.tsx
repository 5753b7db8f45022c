import { useId, useState, type FormEvent } from 'react';
import { isOverdue, type Commitment, type Delegation } from '@plenary/shared/plain';
import type { Commands } from '../../hooks/useCommands';
import {
  actorInfo,
  COMMITMENT_STATUS_LABEL,
  COMMITMENT_STATUSES,
  formatDeadline,
  formatWhen,
  partyInfo,
  timelineText,
} from '../../lib/cbmBoard';
import { checkCommitment, checkCommitmentUpdate, commitmentUpdateDraftOf, type CommitmentUpdateDraft } from '../../lib/cbmForms';
import { refusalText } from '../../lib/refusals';
import { FormError, OverdueFlag, Party, ProgressBar } from './CbmBits';
import { useTranslation } from 'react-i18next';
import { formatDateTime, num } from '../../i18n/locale';

interface ItemProps {
  commitment: Commitment;
  delegations: readonly Delegation[];
  now: number;
  mayUpdate: boolean;
  commands: Commands;
  mine: boolean;
}

/** One delegation's commitment: what, by when, how far, and every change since it was made. */
export function CommitmentItem({ commitment: c, delegations, now, mayUpdate, commands, mine }: ItemProps) {
  const { t } = useTranslation();
  const overdue = isOverdue(c, now);
  const party = partyInfo(delegations, c.delegation);
  return (
    <li
      className="cbm-commitment"
      data-testid="commitment"
      data-commitment-id={c.id}
      data-delegation={c.delegation}
      data-status={c.status}
      data-overdue={overdue}
      data-mine={mine || undefined}
      style={{ ['--party' as string]: party.color }}
    >
      <div className="cbm-commitment__head">
        <Party party={party} />
        {mine && <span className="cbm-you">{t('cbmUi.you')}</span>}
        <span className={`cbm-status cbm-status--${c.status}`}>{COMMITMENT_STATUS_LABEL[c.status]}</span>
        {overdue && <OverdueFlag />}
      </div>
      <p className="cbm-commitment__action" dir="auto">
        {c.action}
      </p>
      <div className="cbm-commitment__facts">
        <span className="cbm-commitment__deadline" data-overdue={overdue}>
          {c.deadline ? (
            <>
              {t('commitment.deadline')} <time dateTime={c.deadline}>{formatDeadline(c.deadline)}</time>
            </>
          ) : (
            t('commitment.noDeadline')
          )}
        </span>
        <ProgressBar progress={c.progress} label={t('commitment.progressOf', { name: party.name })} />
      </div>
      {c.note && c.note !== c.action && (
        <p className="cbm-commitment__note">
          <span className="cbm-muted">{t('commitment.latestNote')}</span> <span dir="auto">{c.note}</span>
        </p>
      )}
      <details className="cbm-commitment__timeline-fold" open>
        <summary>{t('commitment.timeline', { n: num(c.timeline.length) })}</summary>
        <ol className="cbm-timeline" data-testid="commitment-timeline">
          {c.timeline.map((u, i) => {
            const who = actorInfo(delegations, u.actor);
            return (
              <li key={i} className="cbm-timeline__entry">
                <time className="cbm-when" dateTime={new Date(u.at).toISOString()} title={formatDateTime(u.at)}>
                  {formatWhen(u.at, now)}
                </time>{' '}
                <Party party={who} /> <span>{timelineText(u, i)}</span>
              </li>
            );
          })}
        </ol>
      </details>
      {mayUpdate && <CommitmentUpdateForm key={`${c.timeline.length}`} commitment={c} commands={commands} />}
    </li>
  );
}

/** Status, progress and a note: whatever changed becomes one line of the timeline. */
function CommitmentUpdateForm({ commitment: c, commands }: { commitment: Commitment; commands: Commands }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<CommitmentUpdateDraft>(() => commitmentUpdateDraftOf(c));
  const [messages, setMessages] = useState<string[]>([]);
  const key = `commitment.update:${c.id}`;
  const pending = commands.isPending(key);
  const set = (patch: Partial<CommitmentUpdateDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const checked = checkCommitmentUpdate(c, draft);
    if (!checked.ok) return setMessages(checked.messages);
    setMessages([]);
    const ack = await commands.run('commitment.update', { commitmentId: c.id, ...checked.payload }, key);
    if (!ack.ok) setMessages([refusalText(ack.error)]);
  };

  return (
    <form className="cbm-form cbm-form--inline" onSubmit={(e) => void submit(e)} aria-label={t('commitment.updateLabel')} noValidate>
      <div className="cbm-form__row">
        <label className="cbm-form__field" htmlFor={`${id}-status`}>
          <span className="cbm-form__label">{t('commitment.status')}</span>
          <select id={`${id}-status`} data-testid="commitment-status" value={draft.status} onChange={(e) => set({ status: e.target.value })}>
            {COMMITMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {COMMITMENT_STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="cbm-form__field cbm-form__field--narrow" htmlFor={`${id}-progress`}>
          <span className="cbm-form__label">{t('commitment.progress')}</span>
          <input
            id={`${id}-progress`}
            data-testid="commitment-progress"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={5}
            value={draft.progress}
            onChange={(e) => set({ progress: e.target.value })}
          />
        </label>
        <label className="cbm-form__field cbm-form__field--grow" htmlFor={`${id}-note`}>
          <span className="cbm-form__label">{t('commitment.note')}</span>
          <input id={`${id}-note`} data-testid="commitment-note" value={draft.note} onChange={(e) => set({ note: e.target.value })} placeholder={t('commitment.notePlaceholder')}
            dir="auto" />
        </label>
        <button type="submit" className="cbm-button" data-testid="commitment-update-submit" aria-busy={pending} disabled={pending}>
          {pending ? t('common.saving') : t('commitment.update')}
        </button>
      </div>
      <FormError messages={messages} />
    </form>
  );
}

/** A delegation records what it will do under a measure, with an optional deadline. */
export function CommitmentAddForm({ cbmId, commands, onDone }: { cbmId: string; commands: Commands; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [action, setAction] = useState('');
  const [deadline, setDeadline] = useState('');
  const [messages, setMessages] = useState<string[]>([]);
  const [invalid, setInvalid] = useState<Partial<Record<string, string>>>({});
  const key = `commitment.add:${cbmId}`;
  const pending = commands.isPending(key);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const checked = checkCommitment({ action, deadline });
    if (!checked.ok) {
      setInvalid(checked.errors);
      return setMessages(checked.messages);
    }
    setInvalid({});
    setMessages([]);
    const ack = await commands.run('commitment.add', { cbmId, ...checked.payload }, key);
    if (!ack.ok) return setMessages([refusalText(ack.error)]);
    onDone();
  };

  return (
    <form className="cbm-form cbm-form--box" onSubmit={(e) => void submit(e)} aria-label={t('commitment.addLabel')} noValidate>
      <label className="cbm-form__field" htmlFor={`${id}-action`}>
        <span className="cbm-form__label">{t('commitment.what')}</span>
        <textarea
          id={`${id}-action`}
          data-testid="commitment-action"
          rows={2}
          value={action}
          onChange={(e) => setAction(e.target.value)}
          placeholder={t('commitment.actionPlaceholder')}
          dir="auto"
          autoFocus
          aria-invalid={!!invalid.action || undefined}
        />
      </label>
      <div className="cbm-form__row">
        <label className="cbm-form__field" htmlFor={`${id}-deadline`}>
          <span className="cbm-form__label">{t('commitment.deadlineOptional')}</span>
          <input
            id={`${id}-deadline`}
            data-testid="commitment-deadline"
            type="date"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            aria-invalid={!!invalid.deadline || undefined}
          />
        </label>
        <div className="cbm-form__actions">
          <button type="submit" className="cbm-button cbm-button--primary" data-testid="commitment-submit" aria-busy={pending} disabled={pending}>
            {pending ? t('commitment.recording') : t('commitment.record')}
          </button>
          <button type="button" className="cbm-button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
      <FormError messages={messages} />
    </form>
  );
}
