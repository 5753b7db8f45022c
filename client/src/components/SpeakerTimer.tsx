import { floorRemainingMs, type Floor } from '@plenary/shared';
import { floorEndsAt, formatMmSs, timerDisplay } from '../lib/timerDisplay';
import './SpeakerTimer.css';

/** The big timer, readable across the room: time left, amber in the last 30 s, red overtime. */
export function SpeakerTimer({ floor, now }: { floor: Floor; now: number }) {
  const remaining = floorRemainingMs(floor, now);
  const d = timerDisplay(remaining, floor.allottedMs);
  const running = floor.runningSince !== null;
  const endsAt = floorEndsAt(floor);
  return (
    <div
      className={`speaker-timer speaker-timer--${d.tone}`}
      data-testid="speaker-timer"
      data-running={running}
      data-remaining-ms={Math.round(remaining)}
      data-ends-at={endsAt ?? undefined}
      data-tone={d.tone}
      data-paused={!running || undefined}
      role="timer"
      aria-label={`${d.tone === 'overtime' ? `${d.digits.slice(1)} over time` : `${d.digits} left`}${running ? '' : ', paused'}`}
    >
      <div className="speaker-timer__reading">
        <span className="speaker-timer__digits">{d.digits}</span>
        {d.tone === 'overtime' && <span className="speaker-timer__over"> over</span>}
      </div>
      <div
        className="speaker-timer__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(d.progress * 100)}
        aria-label="Share of the speaking time used"
      >
        <div className="speaker-timer__fill" style={{ inlineSize: `${d.progress * 100}%` }} />
      </div>
      <div className="speaker-timer__status">
        {running ? <span>running</span> : <strong className="speaker-timer__paused">❚❚ paused</strong>}
        <span>of {formatMmSs(floor.allottedMs / 1000)}</span>
      </div>
    </div>
  );
}
