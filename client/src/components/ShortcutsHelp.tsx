import { useEffect, useRef } from 'react';
import { SHORTCUTS } from '../lib/shortcuts';
import { useTranslation } from 'react-i18next';
import './ShortcutsHelp.css';

/** The `?` overlay: the chair's keys. Closes with Escape, `?` or a click outside. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      before?.focus();
    };
  }, [onClose]);

  return (
    <div className="shortcuts-help__backdrop" onClick={onClose}>
      <div
        className="shortcuts-help"
        data-testid="shortcuts-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-help-title"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="shortcuts-help-title">{t('shortcutsHelp.title')}</h2>
        <p className="shortcuts-help__note">{t('shortcutsHelp.note')}</p>
        <dl>
          {SHORTCUTS.map((s) => (
            <div key={s.action} className="shortcuts-help__row">
              <dt>
                <kbd>{s.key}</kbd>
              </dt>
              <dd>{s.label}</dd>
            </div>
          ))}
          <div className="shortcuts-help__row">
            <dt>
              <kbd>Esc</kbd>
            </dt>
            <dd>{t('shortcutsHelp.closeList')}</dd>
          </div>
        </dl>
        <button ref={closeRef} type="button" className="shortcuts-help__close" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
