import { useCallback, useRef, useState } from 'react';
import type { Revision } from '@plenary/shared';
import { useDismiss } from '../hooks/useDismiss';
import { exportUrl, type ExportFormat } from '../lib/drafting';
import { useTranslation } from 'react-i18next';
import './ExportMenu.css';

const FORMATS: { format: ExportFormat; label: string; note: string }[] = [
  { format: 'md', label: 'Markdown', note: '.md' },
  { format: 'docx', label: 'Word', note: '.docx' },
  { format: 'pdf', label: 'PDF', note: '.pdf' },
];

interface Props {
  sid: string;
  token: string;
  revisions: readonly Revision[];
}

/** Downloads of the communiqué: live or a revision, with or without the paragraphs' status notes. */
export function ExportMenu({ sid, token, revisions }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [statusNotes, setStatusNotes] = useState(true);
  const [rev, setRev] = useState<number | undefined>(undefined);
  const box = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(box, open, close);

  return (
    <div className="export-menu" ref={box}>
      <button type="button" className="dbtn" data-testid="export-open" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('export.button')} <span aria-hidden="true">▾</span>
      </button>
      {/* kept in the page when closed, so the links can be read (and copied) without opening it */}
      <div className="export-menu__popup" role="group" aria-label={t('export.label')} hidden={!open}>
        <label className="export-menu__field">
          <span>{t('export.text')}</span>
          <select data-testid="export-rev" value={rev ?? ''} onChange={(e) => setRev(e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">{t('compare.live')}</option>
            {revisions.map((r) => (
              <option key={r.id} value={r.n}>
                Rev.{r.n}
                {r.label ? ` — ${r.label}` : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="export-menu__check">
          <input type="checkbox" data-testid="export-status" checked={statusNotes} onChange={(e) => setStatusNotes(e.target.checked)} />
          {t('export.statusNotes')}
        </label>
        <ul className="export-menu__links">
          {FORMATS.map((f) => (
            <li key={f.format}>
              <a
                className="export-menu__link"
                data-testid={`export-${f.format}`}
                href={exportUrl(sid, token, f.format, { statusNotes, rev })}
                download
                onClick={() => setOpen(false)}
              >
                {f.label} <span className="export-menu__ext">{f.note}</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
