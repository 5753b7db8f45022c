import type { AgendaItem } from '@plenary/shared';
import type { Commands } from '../hooks/useCommands';
import { floorButtons } from '../lib/speakers';
import { useTranslation } from 'react-i18next';
import { localDigits } from '../i18n/locale';

/** A delegate's own buttons: request the floor, raise a point of order, withdraw. */
export function DelegateFloorButtons({ item, delegation, commands }: { item: AgendaItem; delegation: string; commands: Commands }) {
  const { t } = useTranslation();
  const b = floorButtons(item, delegation);
  const itemId = item.id;
  const pending = (k: string) => commands.isPending(k);
  return (
    <div className="delegate-floor">
      {b.speaking && <p className="delegate-floor__note delegate-floor__note--live">{t('floorSelf.speaking')}</p>}
      {b.place !== null && (
        <p className="delegate-floor__note" data-testid="my-place">
          {t('floorSelf.place', { n: localDigits(String(b.place)) })}
        </p>
      )}
      <div className="speakers__controls">
        {b.request === 'show' && (
          <button
            type="button"
            className="speakers__button speakers__button--primary speakers__button--wide"
            data-testid="request-floor"
            title={t('floorSelf.requestTitle')}
            aria-busy={pending('speakers.request')}
            disabled={pending('speakers.request')}
            onClick={() => void commands.run('speakers.request', { itemId })}
          >
            {t('floorSelf.request')}
          </button>
        )}
        {b.request === 'closed' && (
          <span className="delegate-floor__closed" data-testid="list-closed">
            {t('floorSelf.closed')}
          </span>
        )}
        {b.pointOfOrder && (
          <button
            type="button"
            className="speakers__button"
            data-testid="point-of-order"
            title={t('floorSelf.orderTitle')}
            aria-busy={pending('speakers.pointOfOrder')}
            disabled={pending('speakers.pointOfOrder')}
            onClick={() => void commands.run('speakers.pointOfOrder', { itemId })}
          >
            <span aria-hidden="true">⚑</span> {t('floorSelf.order')}
          </button>
        )}
        {b.withdraw && (
          <button
            type="button"
            className="speakers__button speakers__button--quiet"
            data-testid="withdraw-floor"
            title={t('floorSelf.withdrawTitle')}
            aria-busy={pending('speakers.withdraw')}
            disabled={pending('speakers.withdraw')}
            onClick={() => void commands.run('speakers.withdraw', { itemId })}
          >
            {t('floorSelf.withdraw')}
          </button>
        )}
      </div>
    </div>
  );
}
