import type { AgendaItem, Delegation } from '@plenary/shared';
import type { Commands } from '../hooks/useCommands';
import { delegationInfo, spokenAgainstBudget } from '../lib/speakers';
import { useTranslation } from 'react-i18next';
import { localDigits } from '../i18n/locale';

interface Props {
  item: AgendaItem;
  delegations: Delegation[];
  now: number;
  preside: boolean;
  commands: Commands;
  me: string | undefined;
}

/** The list of speakers in order; points of order first, marked. */
export function SpeakerQueue({ item, delegations, now, preside, commands, me }: Props) {
  const { t } = useTranslation();
  const queue = item.queue ?? [];
  return (
    <ol className="speakers-queue" data-testid="speakers-queue" aria-label={t('speakers.list')}>
      {queue.map((e, i) => {
        const d = delegationInfo(delegations, e.delegation);
        const spent = spokenAgainstBudget(item, e.delegation, now);
        const give = `speakers.giveFloor:${e.delegation}`;
        const remove = `speakers.remove:${e.delegation}`;
        return (
          <li
            key={e.delegation}
            className="speaker-entry"
            data-testid="speaker-entry"
            data-delegation={e.delegation}
            data-point-of-order={e.pointOfOrder}
            data-mine={me === e.delegation || undefined}
          >
            <span className="speaker-entry__place">{localDigits(String(i + 1))}</span>
            <span className="speakers__dot" style={{ background: d.color }} aria-hidden="true" />
            <span className="speaker-entry__main">
              <span className="speaker-entry__name">
                {d.name}
                {me === e.delegation && <span className="speakers__you">{t('speaker.you')}</span>}
              </span>
              <span className="speaker-entry__meta">
                {e.pointOfOrder && (
                  <span className="speakers__order">
                    <span aria-hidden="true">⚑</span> {t('speaker.pointOfOrder')}
                  </span>
                )}
                <span
                  className="speaker-entry__spent"
                  data-over={spent.over}
                  title={item.budgetSec !== undefined ? t('speakers.spokenBudgetTitle') : t('speakers.spokenTitle')}
                >
                  {item.budgetSec === undefined ? t('speakers.spoken', { text: spent.text }) : spent.text}
                </span>
              </span>
            </span>
            {preside && (
              <span className="speaker-entry__actions">
                <button
                  type="button"
                  className="speakers__button speakers__button--small"
                  data-testid="give-floor"
                  title={t('speakers.giveFloorTitle', { name: d.name })}
                  aria-busy={commands.isPending(give)}
                  disabled={commands.isPending(give)}
                  onClick={() => void commands.run('speakers.giveFloor', { itemId: item.id, delegation: e.delegation }, give)}
                >
                  {t('speakers.giveFloor')}
                </button>
                <button
                  type="button"
                  className="speakers__button speakers__button--small speakers__button--quiet"
                  data-testid="remove-speaker"
                  title={t('speakers.takeOffTitle', { name: d.name })}
                  aria-label={t('speakers.removeLabel', { name: d.name })}
                  aria-busy={commands.isPending(remove)}
                  disabled={commands.isPending(remove)}
                  onClick={() => void commands.run('speakers.remove', { itemId: item.id, delegation: e.delegation }, remove)}
                >
                  ✕
                </button>
              </span>
            )}
          </li>
        );
      })}
      {queue.length === 0 && <li className="speakers-queue__empty">{t('speakers.nobodyWaiting')}</li>}
    </ol>
  );
}
