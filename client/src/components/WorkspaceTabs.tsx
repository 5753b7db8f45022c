import { useTranslation } from 'react-i18next';
import { localDigits } from '../i18n/locale';
import './WorkspaceTabs.css';

export type Tab = 'agenda' | 'communique' | 'measures' | 'speakers' | 'presence';

/** Only on narrow screens (CSS hides it otherwise): the three columns become tabs. */
export function WorkspaceTabs({ tab, onChange, presentCount }: { tab: Tab; onChange: (t: Tab) => void; presentCount: number }) {
  const { t } = useTranslation();
  const tabs: { id: Tab; label: string }[] = [
    { id: 'communique', label: t('workspace.communique') },
    { id: 'measures', label: t('workspace.measures') },
    { id: 'agenda', label: t('workspace.agenda') },
    { id: 'speakers', label: t('tabs.speakers') },
    { id: 'presence', label: t('tabs.here', { n: localDigits(String(presentCount)) }) },
  ];
  return (
    <nav className="workspace-tabs" role="tablist" aria-label={t('tabs.label')}>
      {tabs.map((tb) => (
        <button
          key={tb.id}
          type="button"
          role="tab"
          aria-selected={tab === tb.id}
          className="workspace-tabs__tab"
          data-testid={`tab-${tb.id}`}
          onClick={() => onChange(tb.id)}
        >
          {tb.label}
        </button>
      ))}
    </nav>
  );
}
