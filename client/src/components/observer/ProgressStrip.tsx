import type { SittingProgress } from '@plenary/shared';
import { formatDuration } from '../../lib/sittingNow';
import { useTranslation } from 'react-i18next';
import { num } from '../../i18n/locale';

/** Where the sitting stands, in five figures: text, measures, commitments, presence, time. */
export function ProgressStrip({ progress: p }: { progress: SittingProgress }) {
  const { t } = useTranslation();
  const para = p.paragraphs;
  const time = p.time;
  const timeRatio = time.plannedMs > 0 ? Math.min(1, time.usedMs / time.plannedMs) : null;
  const cbmParts = [
    p.cbms['under-discussion'] && t('progress.underDiscussion', { n: num(p.cbms['under-discussion']) }),
    p.cbms.proposed && t('progress.proposed', { n: num(p.cbms.proposed) }),
    p.cbms['not-endorsed'] && t('progress.notEndorsed', { n: num(p.cbms['not-endorsed']) }),
    p.cbms.withdrawn && t('progress.withdrawn', { n: num(p.cbms.withdrawn) }),
  ].filter(Boolean);
  const commitmentParts = [
    p.commitments.done && t('progress.done', { n: num(p.commitments.done) }),
    p.commitments.stalled && t('progress.stalled', { n: num(p.commitments.stalled) }),
  ].filter(Boolean);
  return (
    <section className="obs-strip" data-testid="progress-strip" aria-label={t('progress.label')}>
      <div
        className="obs-tile obs-tile--wide"
        data-testid="progress-paragraphs"
        data-agreed={para.agreed}
        data-agreed-ad-ref={para['agreed-ad-ref']}
        data-bracketed={para.bracketed}
        data-open={para.open}
        data-total={para.total}
      >
        <p className="obs-tile__label">{t('progress.paragraphs')}</p>
        <p className="obs-tile__figure">
          <strong>{num(para.agreed)}</strong> {t('progress.ofAgreed', { total: num(para.total) })}
        </p>
        <StackedBar
          total={para.total}
          parts={[
            { n: para.agreed, cls: 'agreed' },
            { n: para['agreed-ad-ref'], cls: 'agreed-ad-ref' },
            { n: para.bracketed, cls: 'bracketed' },
            { n: para.open, cls: 'open' },
          ]}
        />
        <p className="obs-tile__legend">
          <Legend cls="agreed" text={t('progress.agreed', { n: num(para.agreed) })} />
          {para['agreed-ad-ref'] > 0 && <Legend cls="agreed-ad-ref" text={t('progress.adRef', { n: num(para['agreed-ad-ref']) })} />}
          <Legend cls="bracketed" text={t('progress.bracketed', { n: num(para.bracketed) })} />
          <Legend cls="open" text={t('progress.open', { n: num(para.open) })} />
        </p>
      </div>
      <div className="obs-tile" data-testid="progress-cbms" data-endorsed={p.cbms.endorsed} data-total={p.cbms.total}>
        <p className="obs-tile__label">{t('feedKind.cbm')}</p>
        <p className="obs-tile__figure">
          <strong>{num(p.cbms.endorsed)}</strong> {t('progress.ofEndorsed', { total: num(p.cbms.total) })}
        </p>
        <p className="obs-tile__note">{p.cbms.total === 0 ? t('progress.noneProposed') : cbmParts.join(' · ') || t('progress.allEndorsed')}</p>
      </div>
      <div className="obs-tile" data-testid="progress-commitments" data-on-track={p.commitments.onTrack} data-overdue={p.commitments.overdue} data-total={p.commitments.total}>
        <p className="obs-tile__label">{t('feedKind.commitment')}</p>
        <p className="obs-tile__figure">
          <strong>{num(p.commitments.onTrack)}</strong> {t('progress.onTrack')}
        </p>
        <p className="obs-tile__note">
          {p.commitments.total === 0 ? (
            t('progress.noneMade')
          ) : (
            <>
              {p.commitments.overdue > 0 ? <strong className="obs-tile__bad">{t('progress.overdue', { n: num(p.commitments.overdue) })}</strong> : t('progress.noneOverdue')}
              {[...commitmentParts, t('progress.inAll', { n: num(p.commitments.total) })].map((part) => ` · ${part}`).join('')}
            </>
          )}
        </p>
      </div>
      <div className="obs-tile" data-testid="progress-delegations" data-present={p.delegations.present} data-invited={p.delegations.invited}>
        <p className="obs-tile__label">{t('progress.delegations')}</p>
        <p className="obs-tile__figure">
          <strong>{num(p.delegations.present)}</strong> {t('progress.ofPresent', { total: num(p.delegations.invited) })}
        </p>
        <StackedBar total={p.delegations.invited} parts={[{ n: p.delegations.present, cls: 'present' }]} />
      </div>
      <div className="obs-tile" data-testid="progress-time" data-used-ms={Math.round(time.usedMs)} data-planned-ms={time.plannedMs} data-over={time.usedMs > time.plannedMs}>
        <p className="obs-tile__label">{t('progress.time')}</p>
        <p className="obs-tile__figure">
          <strong>{formatDuration(time.usedMs)}</strong>
        </p>
        {timeRatio !== null && <StackedBar total={1} parts={[{ n: timeRatio, cls: time.usedMs > time.plannedMs ? 'over' : 'time' }]} />}
        <p className="obs-tile__note">{time.plannedMs > 0 ? t('progress.ofPlanned', { planned: formatDuration(time.plannedMs) }) : t('progress.noTimes')}</p>
      </div>
    </section>
  );
}

function StackedBar({ total, parts }: { total: number; parts: { n: number; cls: string }[] }) {
  return (
    <span className="obs-stack" aria-hidden="true">
      {total > 0 &&
        parts.map((part) => part.n > 0 && <span key={part.cls} className={`obs-stack__part obs-stack__part--${part.cls}`} style={{ inlineSize: `${(part.n / total) * 100}%` }} />)}
    </span>
  );
}

function Legend({ cls, text }: { cls: string; text: string }) {
  return (
    <span className="obs-legend">
      <span className={`obs-legend__swatch obs-stack__part--${cls}`} aria-hidden="true" />
      {text}
    </span>
  );
}
