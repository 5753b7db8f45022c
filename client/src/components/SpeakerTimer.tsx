import { floorRemainingMs, type Floor } from '@plenary/shared/plain';
import { floorEndsAt, formatMmSs, timerDisplay } from '../lib/timerDisplay';
import { useTranslation } from 'react-i18next';
import './SpeakerTimer.css';

/** The big timer, readable across the room: time left, amber in the last 30 s, red overtime. */
export function SpeakerTimer({ floor, now }: { floor: Floor; now: number }) {
  const { t } = useTranslation();
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
      aria-label={`${d.tone === 'overtime' ? t('timer.overTime', { digits: d.digits.slice(1) }) : t('timer.left', { digits: d.digits })}${running ? '' : t('timer.pausedSuffix')}`}
    >
      <div className="speaker-timer__reading">
        <span className="speaker-timer__digits" dir="ltr">{d.digits}</span>
        {d.tone === 'overtime' && <span className="speaker-timer__over"> {t('timer.overWord')}</span>}
      </div>
      <div
        className="speaker-timer__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(d.progress * 100)}
        aria-label={t('timer.share')}
      >
        <div className="speaker-timer__fill" style={{ inlineSize: `${d.progress * 100}%` }} />
      </div>
      <div className="speaker-timer__status">
        {running ? <span>{t('timer.running')}</span> : <strong className="speaker-timer__paused">{t('timer.paused')}</strong>}
        <span>{t('timer.of', { total: formatMmSs(floor.allottedMs / 1000) })}</span>
      </div>
    </div>
  );
}
