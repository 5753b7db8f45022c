import type { SittingProgress } from '@plenary/shared';
import { formatDuration } from '../../lib/sittingNow';

/** Where the sitting stands, in five figures: text, measures, commitments, presence, time. */
export function ProgressStrip({ progress: p }: { progress: SittingProgress }) {
  const para = p.paragraphs;
  const time = p.time;
  const timeRatio = time.plannedMs > 0 ? Math.min(1, time.usedMs / time.plannedMs) : null;
  const cbmParts = [
    p.cbms['under-discussion'] && `${p.cbms['under-discussion']} under discussion`,
    p.cbms.proposed && `${p.cbms.proposed} proposed`,
    p.cbms['not-endorsed'] && `${p.cbms['not-endorsed']} not endorsed`,
    p.cbms.withdrawn && `${p.cbms.withdrawn} withdrawn`,
  ].filter(Boolean);
  const commitmentParts = [p.commitments.done && `${p.commitments.done} done`, p.commitments.stalled && `${p.commitments.stalled} stalled`].filter(Boolean);
  return (
    <section className="obs-strip" data-testid="progress-strip" aria-label="Progress of the sitting">
      <div
        className="obs-tile obs-tile--wide"
        data-testid="progress-paragraphs"
        data-agreed={para.agreed}
        data-agreed-ad-ref={para['agreed-ad-ref']}
        data-bracketed={para.bracketed}
        data-open={para.open}
        data-total={para.total}
      >
        <p className="obs-tile__label">Communiqué paragraphs</p>
        <p className="obs-tile__figure">
          <strong>{para.agreed}</strong> of {para.total} agreed
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
          <Legend cls="agreed" text={`${para.agreed} agreed`} />
          {para['agreed-ad-ref'] > 0 && <Legend cls="agreed-ad-ref" text={`${para['agreed-ad-ref']} ad ref`} />}
          <Legend cls="bracketed" text={`${para.bracketed} bracketed`} />
          <Legend cls="open" text={`${para.open} open`} />
        </p>
      </div>
      <div className="obs-tile" data-testid="progress-cbms" data-endorsed={p.cbms.endorsed} data-total={p.cbms.total}>
        <p className="obs-tile__label">Measures (CBMs)</p>
        <p className="obs-tile__figure">
          <strong>{p.cbms.endorsed}</strong> of {p.cbms.total} endorsed
        </p>
        <p className="obs-tile__note">{p.cbms.total === 0 ? 'none proposed yet' : cbmParts.join(' · ') || 'all endorsed'}</p>
      </div>
      <div className="obs-tile" data-testid="progress-commitments" data-on-track={p.commitments.onTrack} data-overdue={p.commitments.overdue} data-total={p.commitments.total}>
        <p className="obs-tile__label">Commitments</p>
        <p className="obs-tile__figure">
          <strong>{p.commitments.onTrack}</strong> on track
        </p>
        <p className="obs-tile__note">
          {p.commitments.total === 0 ? (
            'none made yet'
          ) : (
            <>
              {p.commitments.overdue > 0 ? <strong className="obs-tile__bad">{p.commitments.overdue} overdue</strong> : 'none overdue'}
              {[...commitmentParts, `${p.commitments.total} in all`].map((t) => ` · ${t}`).join('')}
            </>
          )}
        </p>
      </div>
      <div className="obs-tile" data-testid="progress-delegations" data-present={p.delegations.present} data-invited={p.delegations.invited}>
        <p className="obs-tile__label">Delegations</p>
        <p className="obs-tile__figure">
          <strong>{p.delegations.present}</strong> of {p.delegations.invited} present
        </p>
        <StackedBar total={p.delegations.invited} parts={[{ n: p.delegations.present, cls: 'present' }]} />
      </div>
      <div className="obs-tile" data-testid="progress-time" data-used-ms={Math.round(time.usedMs)} data-planned-ms={time.plannedMs} data-over={time.usedMs > time.plannedMs}>
        <p className="obs-tile__label">Sitting time</p>
        <p className="obs-tile__figure">
          <strong>{formatDuration(time.usedMs)}</strong>
        </p>
        {timeRatio !== null && <StackedBar total={1} parts={[{ n: timeRatio, cls: time.usedMs > time.plannedMs ? 'over' : 'time' }]} />}
        <p className="obs-tile__note">{time.plannedMs > 0 ? `of ${formatDuration(time.plannedMs)} planned` : 'no times planned'}</p>
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
