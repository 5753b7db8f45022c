import { useId, useState, type FormEvent } from 'react';
import type { AgendaItemView, Commitment, Delegation, Measure } from '@plenary/shared';
import type { Commands } from '../../hooks/useCommands';
import {
  actorInfo,
  CBM_THEME_LABEL,
  commitmentCountText,
  formatWhen,
  historyText,
  mayUpdateCommitment,
  measureActions,
  measureSummary,
  partyInfo,
  stateButtonLabel,
  trackText,
  viewerParty,
  type Viewer,
} from '../../lib/cbmBoard';
import { checkComment } from '../../lib/cbmForms';
import { refusalText } from '../../lib/refusals';
import { FormError, OverdueFlag, Party, ProgressBar, StateLabel } from './CbmBits';
import { CommitmentAddForm, CommitmentItem } from './Commitments';
import { MeasureForm } from './MeasureForm';
import { useTranslation } from 'react-i18next';
import { isRtl } from '../../i18n';
import { formatDateTime, num } from '../../i18n/locale';

interface Props {
  measure: Measure;
  commitments: Commitment[];
  delegations: readonly Delegation[];
  agenda: readonly AgendaItemView[];
  viewer: Viewer;
  commands: Commands;
  now: number;
  onClose: () => void;
}

/** One measure in full: what, who, where it stands, the commitments under it, comments and history. */
export function MeasureDetail({ measure: m, commitments, delegations, agenda, viewer, commands, now, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const actions = measureActions(m, viewer);
  const me = viewerParty(viewer);
  const s = measureSummary(commitments, now);
  const proposer = partyInfo(delegations, m.proposer);
  const item = m.itemId ? agenda.find((i) => i.id === m.itemId) : undefined;
  const track = trackText(s);
  const readOnly = me === null;

  const run = (key: string, send: () => Promise<unknown>) => {
    if (!commands.isPending(key)) void send();
  };
  const button = (testId: string, key: string, label: string, busyLabel: string, send: () => Promise<unknown>, tone = '') => {
    const pending = commands.isPending(key);
    return (
      <button
        key={testId}
        type="button"
        className={`cbm-button ${tone}`}
        data-testid={testId}
        aria-busy={pending}
        disabled={pending}
        onClick={() => run(key, send)}
      >
        {pending ? busyLabel : label}
      </button>
    );
  };

  return (
    <article className="cbm-detail" data-testid="cbm-detail" data-cbm-id={m.id} data-state={m.state} aria-label={m.title}>
      <div className="cbm-detail__bar">
        <button type="button" className="cbm-button cbm-button--quiet cbm-detail__back" onClick={onClose} data-testid="cbm-detail-close" aria-label={t('cbmUi.backLabel')}>
          <span aria-hidden="true">{isRtl(i18n.language) ? '→' : '←'}</span> {t('cbmUi.board')}
        </button>
        <StateLabel state={m.state} />
        <span className="cbm-theme" data-theme={m.theme}>
          {CBM_THEME_LABEL[m.theme]}
        </span>
        {readOnly && <span className="cbm-note">{t('communique.readOnly')}</span>}
      </div>

      {editing ? (
        <MeasureForm measure={m} agenda={agenda} commands={commands} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
      ) : (
        <>
          <h2 className="cbm-detail__title">{m.title}</h2>
          <dl className="cbm-facts">
            <div>
              <dt>{t('cbmUi.proposedBy')}</dt>
              <dd>
                <Party party={proposer} show="both" />
                {m.proposer === me && <span className="cbm-you">{t('cbmUi.you')}</span>}
              </dd>
            </div>
            <div>
              <dt>{t('cbmUi.cosponsors')}</dt>
              <dd data-testid="cbm-cosponsors">
                {m.cosponsors.length === 0 ? (
                  <span className="cbm-muted">{t('cbmUi.noneYet')}</span>
                ) : (
                  <span className="cbm-list">
                    {m.cosponsors.map((d) => (
                      <Party key={d} party={partyInfo(delegations, d)} show="both" />
                    ))}
                  </span>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('cbmUi.agendaItem')}</dt>
              <dd data-testid="cbm-item-link">
                {item ? (
                  <>
                    {num(item.number)}. {item.title}
                  </>
                ) : m.itemId ? (
                  <span className="cbm-muted">{t('cbmUi.itemGone')}</span>
                ) : (
                  <span className="cbm-muted">{t('cbmUi.notLinked')}</span>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('cbmUi.proposed')}</dt>
              <dd>{formatWhen(m.createdAt, now)}</dd>
            </div>
          </dl>
          {m.description ? (
            <p className="cbm-detail__description" dir="auto">
              {m.description}
            </p>
          ) : (
            <p className="cbm-muted">{t('cbmUi.noDescription')}</p>
          )}
        </>
      )}

      {!editing && (actions.setState.length > 0 || actions.edit || actions.withdraw || actions.cosponsor || actions.uncosponsor) && (
        <div className="cbm-actions">
          {actions.setState.length > 0 && (
            <div className="cbm-actions__group" role="group" aria-label={t('cbmUi.chairDecision')}>
              <span className="cbm-actions__label">{t('cbmUi.chair')}</span>
              {actions.setState.map((to) =>
                button(
                  `cbm-set-state-${to}`,
                  `cbm.setState:${m.id}`,
                  stateButtonLabel(m.state, to),
                  t('common.saving'),
                  () => commands.run('cbm.setState', { cbmId: m.id, state: to }, `cbm.setState:${m.id}`),
                  to === 'endorsed' ? 'cbm-button--primary' : '',
                ),
              )}
            </div>
          )}
          <div className="cbm-actions__group">
            {actions.cosponsor &&
              button('cbm-cosponsor', `cbm.cosponsor:${m.id}`, t('cbmUi.cosponsorButton'), t('cbmUi.cosponsoring'), () => commands.run('cbm.cosponsor', { cbmId: m.id }, `cbm.cosponsor:${m.id}`), 'cbm-button--primary')}
            {actions.uncosponsor &&
              button('cbm-uncosponsor', `cbm.uncosponsor:${m.id}`, t('cbmUi.stopCosponsor'), t('cbmUi.stopping'), () =>
                commands.run('cbm.uncosponsor', { cbmId: m.id }, `cbm.uncosponsor:${m.id}`),
              )}
            {actions.edit && (
              <button type="button" className="cbm-button" data-testid="cbm-edit" onClick={() => setEditing(true)}>
                {t('agenda.edit')}
              </button>
            )}
            {actions.withdraw &&
              button(
                'cbm-withdraw',
                `cbm.setState:${m.id}`,
                t('cbmButton.withdraw'),
                t('cbmUi.withdrawing'),
                () => commands.run('cbm.setState', { cbmId: m.id, state: 'withdrawn' }, `cbm.setState:${m.id}`),
                'cbm-button--danger',
              )}
          </div>
        </div>
      )}

      <section className="cbm-section" aria-labelledby={`${m.id}-commitments`}>
        <h3 className="cbm-section__heading" id={`${m.id}-commitments`}>
          {t('cbmUi.commitments')} <span className="cbm-muted">· {commitmentCountText(s.commitments)}</span>
        </h3>
        <div className="cbm-rollup">
          <ProgressBar progress={s.progress} label={t('cbmUi.rollupLabel')} testId="cbm-progress" />
          {track && <span className="cbm-rollup__track">{track}</span>}
          {s.overdue > 0 && <OverdueFlag count={s.overdue} />}
        </div>
        {commitments.length > 0 && (
          <ul className="cbm-commitments">
            {commitments.map((c) => (
              <CommitmentItem
                key={c.id}
                commitment={c}
                delegations={delegations}
                now={now}
                mayUpdate={mayUpdateCommitment(c, viewer)}
                commands={commands}
                mine={c.delegation === me}
              />
            ))}
          </ul>
        )}
        {actions.addCommitment &&
          (adding ? (
            <CommitmentAddForm cbmId={m.id} commands={commands} onDone={() => setAdding(false)} />
          ) : (
            <button type="button" className="cbm-button" data-testid="commitment-add-open" onClick={() => setAdding(true)}>
              {t('cbmUi.addCommitment')}
            </button>
          ))}
        {!actions.addCommitment && viewer.role === 'delegate' && (m.state === 'withdrawn' || m.state === 'not-endorsed') && (
          <p className="cbm-muted">{m.state === 'withdrawn' ? t('cbmUi.noNewWithdrawn') : t('cbmUi.noNewNotEndorsed')}</p>
        )}
      </section>

      <section className="cbm-section" aria-labelledby={`${m.id}-comments`}>
        <h3 className="cbm-section__heading" id={`${m.id}-comments`}>
          {t('cbmUi.comments')} <span className="cbm-muted">· {num(m.comments.length)}</span>
        </h3>
        {m.comments.length > 0 && (
          <ul className="cbm-comments" data-testid="cbm-comments">
            {m.comments.map((c) => (
              <li key={c.id} className="cbm-comment" data-testid="cbm-comment">
                <div className="cbm-comment__head">
                  <Party party={{ ...actorInfo(delegations, c.author), name: c.name || actorInfo(delegations, c.author).name }} />
                  <time className="cbm-when" dateTime={new Date(c.at).toISOString()}>
                    {formatWhen(c.at, now)}
                  </time>
                </div>
                <p className="cbm-comment__text" dir="auto">
                  {c.text}
                </p>
              </li>
            ))}
          </ul>
        )}
        {actions.comment && <CommentForm cbmId={m.id} commands={commands} />}
      </section>

      <section className="cbm-section" aria-labelledby={`${m.id}-history`}>
        <h3 className="cbm-section__heading" id={`${m.id}-history`}>
          {t('cbmUi.history')}
        </h3>
        <ol className="cbm-history" data-testid="cbm-history">
          {m.history.map((h, i) => (
            <li key={i} className="cbm-history__entry">
              <time className="cbm-when" dateTime={new Date(h.at).toISOString()} title={formatDateTime(h.at)}>
                {formatWhen(h.at, now)}
              </time>{' '}
              <Party party={actorInfo(delegations, h.actor)} /> <span>{historyText(h.action, i, delegations, h.actor)}</span>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

function CommentForm({ cbmId, commands }: { cbmId: string; commands: Commands }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [messages, setMessages] = useState<string[]>([]);
  const key = `cbm.comment:${cbmId}`;
  const pending = commands.isPending(key);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const checked = checkComment(text);
    if (!checked.ok) return setMessages(checked.messages);
    setMessages([]);
    const ack = await commands.run('cbm.comment', { cbmId, ...checked.payload }, key);
    if (ack.ok) setText('');
    else setMessages([refusalText(ack.error)]);
  };
  return (
    <form className="cbm-form cbm-form--comment" onSubmit={(e) => void submit(e)} aria-label={t('cbmUi.commentLabel')} noValidate>
      <label className="visually-hidden" htmlFor={`${id}-comment`}>
        {t('cbmUi.yourComment')}
      </label>
      <textarea
        id={`${id}-comment`}
        data-testid="cbm-comment-input"
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('comments.add')}
        dir="auto"
      />
      <button type="submit" className="cbm-button" data-testid="cbm-comment-submit" aria-busy={pending} disabled={pending}>
        {pending ? t('cbmUi.sending') : t('comments.comment')}
      </button>
      <FormError messages={messages} />
    </form>
  );
}
