import { useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { communiqueSnapshot, compareSnapshots, type AssignedNumbers, type CommuniqueSnapshot, type Revision } from '@plenary/shared/plain';
import { numbersKey } from '../hooks/useOutline';
import { useDismiss } from '../hooks/useDismiss';
import { formatClock } from '../lib/format';
import { CompareList, compareSummary } from './CompareList';
import { useTranslation } from 'react-i18next';
import { isRtl } from '../i18n';
import './CompareView.css';

const LIVE = 'live';

/** The live text as a snapshot under the numbers in force, re-read at most twice a second while the comparison is open. */
function useLiveSnapshot(doc: Y.Doc | null, numbers: AssignedNumbers | null): CommuniqueSnapshot | null {
  const [snap, setSnap] = useState<CommuniqueSnapshot | null>(() => (doc ? communiqueSnapshot(doc, numbers) : null));
  const current = useRef(numbers);
  current.current = numbers;
  const key = numbersKey(numbers);
  useEffect(() => {
    if (!doc) return;
    const read = () => setSnap(communiqueSnapshot(doc, current.current));
    read();
    let timer = 0;
    const onUpdate = () => {
      if (!timer) timer = window.setTimeout(() => ((timer = 0), read()), 500);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      window.clearTimeout(timer);
    };
  }, [doc, key]);
  return snap;
}

interface Props {
  doc: Y.Doc | null;
  revisions: readonly Revision[];
  /** the paragraph numbers in force, for the live text's labels */
  numbers: AssignedNumbers | null;
  onClose: () => void;
}

/** Pick two of Rev.1…Rev.N and Live and see what changed between them, paragraph by paragraph. */
export function CompareView({ doc, revisions, numbers, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useDismiss(box, true, onClose);
  const live = useLiveSnapshot(doc, numbers);
  const last = revisions.at(-1);
  const [from, setFrom] = useState(last ? String(last.n) : LIVE);
  const [to, setTo] = useState(LIVE);

  const pick = (v: string): CommuniqueSnapshot | null => (v === LIVE ? live : (revisions.find((r) => String(r.n) === v)?.snapshot ?? null));
  const older = pick(from);
  const newer = pick(to);
  const changes = useMemo(() => (older && newer ? compareSnapshots(older, newer) : []), [older, newer]);

  const options = [
    ...revisions.map((r) => (
      <option key={r.id} value={String(r.n)}>
        Rev.{r.n}
        {r.label ? ` — ${r.label}` : ''} ({formatClock(r.at)})
      </option>
    )),
    <option key={LIVE} value={LIVE}>
      {t('compare.live')}
    </option>,
  ];

  return (
    <div className="compare-backdrop">
      <div className="compare" ref={box} role="dialog" aria-modal="true" aria-labelledby="compare-title">
        <header className="compare__head">
          <h2 id="compare-title" className="compare__title">
            {t('compare.title')}
          </h2>
          <label className="compare__pick">
            <span>{t('compare.from')}</span>
            <select data-testid="compare-from" value={from} onChange={(e) => setFrom(e.target.value)}>
              {options}
            </select>
          </label>
          <span aria-hidden="true">{isRtl(i18n.language) ? '←' : '→'}</span>
          <label className="compare__pick">
            <span>{t('compare.to')}</span>
            <select data-testid="compare-to" value={to} onChange={(e) => setTo(e.target.value)}>
              {options}
            </select>
          </label>
          <button type="button" className="compare__close" aria-label={t('compare.close')} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="compare__body" data-testid="compare-view" data-from={from} data-to={to}>
          {revisions.length === 0 && <p className="compare__note">{t('compare.noRevision')}</p>}
          <p className="compare__summary">
            {from === to ? t('compare.same') : compareSummary(changes)}
            <span className="compare__keys">
              <ins className="compare-ins">{t('compare.inserted')}</ins> <del className="compare-del">{t('compare.deleted')}</del>
            </span>
          </p>
          <CompareList changes={changes} />
        </div>
      </div>
    </div>
  );
}
