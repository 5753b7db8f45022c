import type { AgendaItemView, CommandType } from '@plenary/shared';
import type { Commands } from '../hooks/useCommands';
import { useToasts } from '../hooks/useToasts';
import { useTranslation } from 'react-i18next';
import { localDigits } from '../i18n/locale';

interface Props {
  item: AgendaItemView;
  commands: Commands;
  onEdit: () => void;
}

/** The chair's buttons on one agenda item; each shows while its command is in flight. */
export function AgendaItemActions({ item, commands, onEdit }: Props) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const itemId = item.id;
  const label = t('agenda.itemLabel', { number: localDigits(String(item.number)), title: item.title });
  const key = (type: CommandType) => `${type}:${itemId}`;
  const busy = (type: CommandType) => commands.isPending(key(type));
  const anyBusy = (['agenda.open', 'agenda.close', 'agenda.defer', 'agenda.remove', 'agenda.move'] as const).some(busy);

  const button = (testId: string, type: CommandType, text: string, title: string, run: () => void, extra = '') => (
    <button
      type="button"
      className={`agenda-actions__button ${extra}`}
      data-testid={testId}
      title={title}
      aria-busy={busy(type)}
      disabled={anyBusy}
      onClick={run}
    >
      {text}
    </button>
  );

  const remove = async () => {
    const ack = await commands.run('agenda.remove', { itemId }, key('agenda.remove'));
    if (ack.ok) toasts.show(t('agenda.removed', { label }), 'info');
  };

  return (
    <div className="agenda-actions" role="group" aria-label={t('agenda.actionsOn', { label })}>
      {item.state !== 'open' &&
        button('agenda-open', 'agenda.open', item.state === 'pending' ? t('agenda.open') : t('agenda.reopen'), t('agenda.openTitle', { label }), () =>
          void commands.run('agenda.open', { itemId }, key('agenda.open')), 'agenda-actions__button--primary')}
      {item.state === 'open' &&
        button('agenda-close', 'agenda.close', t('agenda.close'), t('agenda.closeTitle', { label }), () => void commands.run('agenda.close', { itemId }, key('agenda.close')), 'agenda-actions__button--primary')}
      {(item.state === 'pending' || item.state === 'open') &&
        button('agenda-defer', 'agenda.defer', t('agenda.defer'), t('agenda.deferTitle', { label }), () => void commands.run('agenda.defer', { itemId }, key('agenda.defer')))}
      <button type="button" className="agenda-actions__button" data-testid="agenda-edit" title={t('agenda.editTitle', { label })} onClick={onEdit}>
        {t('agenda.edit')}
      </button>
      {item.state !== 'open' &&
        button('agenda-remove', 'agenda.remove', t('agenda.remove'), t('agenda.removeTitle', { label }), () => void remove())}
    </div>
  );
}
