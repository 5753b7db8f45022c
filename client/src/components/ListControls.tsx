import { useId, useState } from 'react';
import type { AgendaItem, Delegation } from '@plenary/shared';
import type { Commands } from '../hooks/useCommands';
import { delegationInfo } from '../lib/speakers';
import { withShortcut } from '../lib/shortcuts';
import { useTranslation } from 'react-i18next';
import { isRtl } from '../i18n';

/** The chair's buttons under the queue: next speaker, close/reopen the list, put a delegation on it. */
export function ListControls({ item, delegations, commands }: { item: AgendaItem; delegations: Delegation[]; commands: Commands }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const queue = item.queue ?? [];
  const waiting = new Set([...queue.map((e) => e.delegation), item.floor?.delegation]);
  const addable = delegations.filter((d) => !waiting.has(d.id));
  const [pick, setPick] = useState('');
  const chosen = addable.some((d) => d.id === pick) ? pick : '';
  const first = queue[0];
  const itemId = item.id;
  const pending = (k: string) => commands.isPending(k);

  const add = async (pointOfOrder: boolean) => {
    if (!chosen) return;
    const type = pointOfOrder ? 'speakers.pointOfOrder' : 'speakers.request';
    const ack = await commands.run(type, { itemId, delegation: chosen }, `chair:${type}`);
    if (ack.ok) setPick('');
  };

  return (
    <div className="list-controls">
      <div className="speakers__controls">
        <button
          type="button"
          className="speakers__button speakers__button--primary speakers__button--wide"
          data-testid="next-speaker"
          title={withShortcut(first ? t('speakers.nextTitle', { name: delegationInfo(delegations, first.delegation).name }) : t('speakers.nextNone'), 'next')}
          aria-busy={pending('speakers.next')}
          disabled={pending('speakers.next') || !first}
          onClick={() => void commands.run('speakers.next', { itemId })}
        >
          {t('speakers.next')} {isRtl(i18n.language) ? '◂' : '▸'}
        </button>
        {item.speakersClosed ? (
          <button
            type="button"
            className="speakers__button"
            data-testid="speakers-reopen"
            title={t('speakers.reopenTitle')}
            aria-busy={pending('speakers.reopen')}
            disabled={pending('speakers.reopen')}
            onClick={() => void commands.run('speakers.reopen', { itemId })}
          >
            {t('speakers.reopen')}
          </button>
        ) : (
          <button
            type="button"
            className="speakers__button"
            data-testid="speakers-close"
            title={t('speakers.closeTitle')}
            aria-busy={pending('speakers.close')}
            disabled={pending('speakers.close')}
            onClick={() => void commands.run('speakers.close', { itemId })}
          >
            {t('speakers.close')}
          </button>
        )}
      </div>
      {addable.length > 0 && (
        <div className="list-controls__add">
          <label htmlFor={`${id}-d`} className="visually-hidden">
            {t('speakers.putOnList')}
          </label>
          <select id={`${id}-d`} data-testid="chair-add-speaker-select" value={chosen} onChange={(e) => setPick(e.target.value)}>
            <option value="">{t('speakers.addDelegation')}</option>
            {addable.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="speakers__button speakers__button--small"
            data-testid="chair-add-speaker"
            title={t('speakers.addTitle')}
            disabled={!chosen || pending('chair:speakers.request')}
            aria-busy={pending('chair:speakers.request')}
            onClick={() => void add(false)}
          >
            {t('speakers.add')}
          </button>
          <button
            type="button"
            className="speakers__button speakers__button--small"
            data-testid="chair-add-point-of-order"
            title={t('speakers.addOrderTitle')}
            aria-label={t('speakers.addOrder')}
            disabled={!chosen || pending('chair:speakers.pointOfOrder')}
            aria-busy={pending('chair:speakers.pointOfOrder')}
            onClick={() => void add(true)}
          >
            ⚑
          </button>
        </div>
      )}
    </div>
  );
}
