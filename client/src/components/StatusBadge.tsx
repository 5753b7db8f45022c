import { useCallback, useRef, useState } from 'react';
import type { ParagraphStatus } from '@plenary/shared';
import type { Drafting } from '../hooks/useDrafting';
import { useDismiss } from '../hooks/useDismiss';
import { STATUSES, STATUS_ICON, STATUS_LABEL } from '../lib/drafting';
import { LockIcon } from './LockIcon';
import { useTranslation } from 'react-i18next';
import './StatusBadge.css';

interface Props {
  paragraphId: string;
  label: string;
  /** as shown: an open paragraph with brackets shows `bracketed` */
  status: ParagraphStatus;
  /** as the chair set it (absent: open); the menu offers the others */
  set: ParagraphStatus;
  drafting: Drafting;
}

/** A paragraph's status in words; for the chair it opens a small menu to change it. */
export function StatusBadge({ paragraphId, label, status, set, drafting }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(box, open, close);
  const key = `status:${paragraphId}`;
  const busy = drafting.commands.isPending(key);

  const content = (
    <>
      {status === 'agreed' && <LockIcon className="status-badge__lock" />}
      <span className="status-badge__words">{STATUS_LABEL[status]}</span>
      <span className="status-badge__icon" aria-hidden="true">
        {STATUS_ICON[status]}
      </span>
    </>
  );
  const common = {
    className: `status-badge status-badge--${status}`,
    'data-testid': 'paragraph-status',
    'data-paragraph-id': paragraphId,
    'data-status': status,
  };

  if (!drafting.canPreside) {
    return (
      <span {...common} title={t('status.is', { label, status: STATUS_LABEL[status] })}>
        {content}
      </span>
    );
  }

  const choose = async (next: ParagraphStatus) => {
    setOpen(false);
    await drafting.commands.run('paragraph.setStatus', { paragraphId, status: next }, key);
  };

  return (
    <div className="status-badge-menu" ref={box}>
      <button
        type="button"
        {...common}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-busy={busy}
        aria-label={t('status.change', { label, status: STATUS_LABEL[status] })}
        onClick={() => setOpen((o) => !o)}
      >
        {content}
        <span className="status-badge__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <ul className="status-menu" role="menu" aria-label={t('status.menu', { label })}>
          {STATUSES.map((s) => (
            <li key={s} role="none">
              <button
                type="button"
                role="menuitemradio"
                aria-checked={s === set}
                className="status-menu__item"
                data-testid={`set-status-${s}`}
                data-status={s}
                disabled={s === set}
                onClick={() => void choose(s)}
              >
                <span aria-hidden="true" className={`status-menu__icon status-badge--${s}`}>
                  {STATUS_ICON[s]}
                </span>
                {STATUS_LABEL[s]}
                {s === 'agreed' && <span className="status-menu__note">{t('status.locks')}</span>}
                {s === 'open' && set === 'open' && status === 'bracketed' && <span className="status-menu__note">{t('status.onceLifted')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
