import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localDigits } from '../../i18n/locale';
import './CentreViews.css';

export type CentreView = 'communique' | 'measures';

interface Props {
  view: CentreView;
  onChange: (v: CentreView) => void;
  measureCount: number;
  communique: ReactNode;
  measures: ReactNode;
}

/**
 * The centre column on a laptop: the communiqué or the measures, switched at its top (on a narrow
 * screen the workspace's tabs do it). Both stay mounted, so the editor and the board keep their state.
 */
export function CentreViews({ view, onChange, measureCount, communique, measures }: Props) {
  const { t } = useTranslation();
  return (
    <div className="cbm-centre" data-view={view}>
      <div className="cbm-centre__switch" role="group" aria-label={t('centre.label')}>
        <button type="button" className="cbm-centre__button" data-testid="view-communique" aria-pressed={view === 'communique'} onClick={() => onChange('communique')}>
          {t('workspace.communique')}
        </button>
        <button type="button" className="cbm-centre__button" data-testid="view-measures" aria-pressed={view === 'measures'} onClick={() => onChange('measures')}>
          {t('workspace.measures')} <span className="cbm-centre__count">{localDigits(String(measureCount))}</span>
        </button>
      </div>
      <div className="cbm-centre__pane" hidden={view !== 'communique'}>
        {communique}
      </div>
      <div className="cbm-centre__pane cbm-centre__pane--measures" hidden={view !== 'measures'}>
        {measures}
      </div>
    </div>
  );
}
