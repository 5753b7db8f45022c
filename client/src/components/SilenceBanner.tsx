import { useState } from 'react';
import type { Silence } from '@plenary/shared';
import type { Drafting } from '../hooks/useDrafting';
import { labelOf } from '../hooks/useOutline';
import { useServerNow } from '../hooks/useServerNow';
import { actorName, formatCountdown, listLabels, silenceScope } from '../lib/drafting';
import { formatClock } from '../lib/format';
import { useTranslation } from 'react-i18next';
import { localDigits } from '../i18n/locale';
import './Silence.css';

/**
 * The silence procedure as everyone sees it, above every tab: a countdown while it runs
 * (delegations may break it, giving a reason; the chair may withdraw it), then who broke it and
 * why, that the chair withdrew it, or what was agreed when it passed.
 */
export function SilenceBanner({ silence, drafting }: { silence: Silence; drafting: Drafting }) {
  const { t } = useTranslation();
  const running = silence.state === 'running';
  const now = useServerNow(drafting.clockOffset, 1000, running);
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!running && dismissed === silence.id) return null;

  const scope = silenceScope(silence, (id) => labelOf(drafting.outline, id));
  const deadline = formatClock(silence.deadline);
  return (
    <section className="silence-banner" data-testid="silence-banner" data-state={silence.state} aria-live="polite" aria-label={t('silence.title')}>
      {running ? (
        <>
          <div className="silence-banner__text">
            <strong className="silence-banner__title">{t('silence.title')}</strong> {t('silence.willAgree', { scope, deadline })}
          </div>
          <div className="silence-banner__countdown" role="timer" aria-label={t('silence.timeLeft')}>
            {now < silence.deadline ? localDigits(formatCountdown(silence.deadline - now)) : t('silence.deadlineReached')}
          </div>
          {drafting.role === 'delegate' && now < silence.deadline && <BreakForm drafting={drafting} />}
          {drafting.canPreside && now < silence.deadline && (
            <button
              type="button"
              className="dbtn"
              data-testid="silence-withdraw"
              aria-busy={drafting.commands.isPending('silence.withdraw')}
              onClick={() => void drafting.commands.run('silence.withdraw', {})}
            >
              {t('silence.withdraw')}
            </button>
          )}
        </>
      ) : (
        <>
          <div className="silence-banner__text">
            {silence.state === 'withdrawn' ? (
              <>
                <strong className="silence-banner__title">{t('silence.withdrawn')}</strong>
                {silence.endedAt ? ` ${t('silence.at', { time: formatClock(silence.endedAt) })}` : ''}
                {' — '}
                {t('silence.staysOpen', { scope })}
              </>
            ) : silence.state === 'broken' ? (
              <>
                <strong className="silence-banner__title">{t('silence.broken')}</strong> {t('silence.by', { name: actorName(`delegate:${silence.brokenBy ?? ''}`, drafting.delegations) })}
                {silence.endedAt ? ` ${t('silence.at', { time: formatClock(silence.endedAt) })}` : ''}
                {silence.reason ? (
                  <>
                    : <q className="silence-banner__reason">{silence.reason}</q>
                  </>
                ) : null}
                {' — '}
                {t('silence.staysOpen', { scope })}
              </>
            ) : (
              <PassedWords silence={silence} drafting={drafting} />
            )}
          </div>
          <button type="button" className="silence-banner__dismiss" aria-label={t('toast.dismiss')} onClick={() => setDismissed(silence.id)}>
            ×
          </button>
        </>
      )}
    </section>
  );
}

function PassedWords({ silence, drafting }: { silence: Silence; drafting: Drafting }) {
  const agreed = (silence.agreed ?? []).map((id) => labelOf(drafting.outline, id));
  const skipped = (silence.skipped ?? []).map((id) => labelOf(drafting.outline, id));
  const { t } = useTranslation();
  return (
    <>
      <strong className="silence-banner__title">{t('silence.passed')}</strong>
      {silence.endedAt ? ` ${t('silence.at', { time: formatClock(silence.endedAt) })}` : ''}:{' '}
      {agreed.length ? t('silence.agreed', { labels: listLabels(agreed), count: agreed.length }) : t('silence.noneAgreed')}
      {skipped.length > 0 && ` ${t('silence.skipped', { labels: listLabels(skipped), count: skipped.length })}`}
    </>
  );
}

function BreakForm({ drafting }: { drafting: Drafting }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const busy = drafting.commands.isPending('silence.break');
  return (
    <form
      className="silence-banner__form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) void drafting.commands.run('silence.break', { reason: reason.trim() });
      }}
    >
      <label className="visually-hidden" htmlFor="silence-reason">
        {t('silence.reasonLabel')}
      </label>
      <input
        id="silence-reason"
        data-testid="silence-reason"
        required
        maxLength={2000}
        value={reason}
        placeholder={t('silence.reasonLabel')}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="dbtn dbtn--danger" data-testid="silence-break" disabled={!reason.trim()} aria-busy={busy}>
        {t('silence.break')}
      </button>
    </form>
  );
}
