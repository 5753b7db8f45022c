import type { AgendaItem, Delegation, Floor } from '@plenary/shared';
import { delegationInfo, spokenAgainstBudget } from '../lib/speakers';
import { SpeakerTimer } from './SpeakerTimer';
import { useTranslation } from 'react-i18next';

interface Props {
  item: AgendaItem;
  floor: Floor;
  delegations: Delegation[];
  now: number;
  /** the viewer's own delegation, if a delegate */
  me: string | undefined;
}

/** Who has the floor, with the big timer. */
export function CurrentSpeaker({ item, floor, delegations, now, me }: Props) {
  const { t } = useTranslation();
  const d = delegationInfo(delegations, floor.delegation);
  const spent = item.budgetSec !== undefined ? spokenAgainstBudget(item, floor.delegation, now) : null;
  return (
    <div className="current-speaker" data-testid="current-speaker" data-delegation={floor.delegation} data-point-of-order={floor.pointOfOrder}>
      <div className="current-speaker__who">
        <span className="speakers__dot speakers__dot--large" style={{ background: d.color }} aria-hidden="true" />
        <span className="current-speaker__name">{d.name}</span>
        {me === floor.delegation && <span className="speakers__you">{t('speaker.you')}</span>}
      </div>
      {floor.pointOfOrder && (
        <div className="speakers__order">
          <span aria-hidden="true">⚑</span> {t('speaker.pointOfOrder')}
        </div>
      )}
      <SpeakerTimer floor={floor} now={now} />
      {spent && (
        <div className="current-speaker__budget" data-over={spent.over} title={t('speaker.budgetTitle')}>
          {t('speaker.onThisItem', { text: spent.text })}
        </div>
      )}
    </div>
  );
}
