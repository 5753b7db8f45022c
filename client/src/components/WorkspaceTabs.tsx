import './WorkspaceTabs.css';

export type Tab = 'agenda' | 'communique' | 'measures' | 'speakers' | 'presence';

/** Only on narrow screens (CSS hides it otherwise): the three columns become tabs. */
export function WorkspaceTabs({ tab, onChange, presentCount }: { tab: Tab; onChange: (t: Tab) => void; presentCount: number }) {
  const tabs: { id: Tab; label: string }[] = [
    { id: 'communique', label: 'Communiqué' },
    { id: 'measures', label: 'Measures' },
    { id: 'agenda', label: 'Agenda' },
    { id: 'speakers', label: 'Speakers' },
    { id: 'presence', label: `Here ${presentCount}` },
  ];
  return (
    <nav className="workspace-tabs" role="tablist" aria-label="Panels">
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          aria-selected={tab === t.id}
          className="workspace-tabs__tab"
          data-testid={`tab-${t.id}`}
          onClick={() => onChange(t.id)}
        >
          {t.label}
        </button>
      ))}
    </nav>
  );
}
