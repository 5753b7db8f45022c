import type { SittingViewId } from '../../hooks/useSittingViewChoice';
import { useTranslation } from 'react-i18next';
import './SittingViews.css';

const VIEWS: { id: SittingViewId; label: string; title: string }[] = [
  { id: 'workspace', label: 'views.workspace', title: 'views.workspaceTitle' },
  { id: 'progress', label: 'views.progress', title: 'views.progressTitle' },
  { id: 'activity', label: 'views.activity', title: 'views.activityTitle' },
  { id: 'attendance', label: 'views.attendance', title: 'views.attendanceTitle' },
];

/** Switches between the workspace and the read-only views; in the sitting's header. */
export function ViewSwitch({ view, onChange }: { view: SittingViewId; onChange: (v: SittingViewId) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="view-switch" aria-label={t('views.label')}>
      {VIEWS.map((v) => (
        <button
          key={v.id}
          type="button"
          className="view-switch__button"
          data-testid={`view-${v.id}`}
          aria-pressed={view === v.id}
          title={t(v.title)}
          onClick={() => onChange(v.id)}
        >
          {t(v.label)}
        </button>
      ))}
    </nav>
  );
}
