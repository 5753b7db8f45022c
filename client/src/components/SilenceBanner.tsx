import { useState } from 'react';
import type { Silence } from '@plenary/shared';
import type { Drafting } from '../hooks/useDrafting';
import { labelOf } from '../hooks/useOutline';
import { useServerNow } from '../hooks/useServerNow';
import { actorName, formatCountdown, listLabels } from '../lib/drafting';
import { formatClock } from '../lib/format';
import './Silence.css';

function scopeWords(silence: Silence, drafting: Drafting): string {
  if (!silence.paragraphIds) return 'the whole text';
  return listLabels(silence.paragraphIds.map((id) => labelOf(drafting.outline, id)));
}

/**
 * The silence procedure as everyone sees it: a countdown while it runs (delegations may break
 * it, giving a reason), then who broke it and why, or what was agreed when it passed.
 */
export function SilenceBanner({ silence, drafting }: { silence: Silence; drafting: Drafting }) {
  const running = silence.state === 'running';
  const now = useServerNow(drafting.clockOffset, 1000, running);
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!running && dismissed === silence.id) return null;

  const scope = scopeWords(silence, drafting);
  const deadline = formatClock(silence.deadline);
  return (
    <section className="silence-banner" data-testid="silence-banner" data-state={silence.state} aria-live="polite" aria-label="Silence procedure">
      {running ? (
        <>
          <div className="silence-banner__text">
            <strong className="silence-banner__title">Silence procedure</strong> {scope} will be agreed at {deadline} unless a delegation breaks
            silence.
          </div>
          <div className="silence-banner__countdown" role="timer" aria-label="Time left">
            {now < silence.deadline ? formatCountdown(silence.deadline - now) : 'deadline reached'}
          </div>
          {drafting.role === 'delegate' && now < silence.deadline && <BreakForm drafting={drafting} />}
        </>
      ) : (
        <>
          <div className="silence-banner__text">
            {silence.state === 'broken' ? (
              <>
                <strong className="silence-banner__title">Silence broken</strong> by {actorName(`delegate:${silence.brokenBy ?? ''}`, drafting.delegations)}
                {silence.endedAt ? ` at ${formatClock(silence.endedAt)}` : ''}
                {silence.reason ? (
                  <>
                    : <q className="silence-banner__reason">{silence.reason}</q>
                  </>
                ) : null}
                {' — '}
                {scope} stays open.
              </>
            ) : (
              <PassedWords silence={silence} drafting={drafting} />
            )}
          </div>
          <button type="button" className="silence-banner__dismiss" aria-label="Dismiss" onClick={() => setDismissed(silence.id)}>
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
  return (
    <>
      <strong className="silence-banner__title">Silence passed</strong>
      {silence.endedAt ? ` at ${formatClock(silence.endedAt)}` : ''}:{' '}
      {agreed.length ? `${listLabels(agreed)} ${agreed.length === 1 ? 'is' : 'are'} agreed.` : 'no paragraph could be agreed.'}
      {skipped.length > 0 && ` ${listLabels(skipped)} still ${skipped.length === 1 ? 'holds' : 'hold'} brackets and ${skipped.length === 1 ? 'was' : 'were'} left as before.`}
    </>
  );
}

function BreakForm({ drafting }: { drafting: Drafting }) {
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
        Reason for breaking silence
      </label>
      <input
        id="silence-reason"
        data-testid="silence-reason"
        required
        maxLength={2000}
        value={reason}
        placeholder="Reason for breaking silence"
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="dbtn dbtn--danger" data-testid="silence-break" disabled={!reason.trim()} aria-busy={busy}>
        Break silence
      </button>
    </form>
  );
}
