import type { AgendaItemView } from '@plenary/shared';
import type { Commands } from '../hooks/useCommands';
import { useTranslation } from 'react-i18next';
import { localDigits } from '../i18n/locale';

interface Props {
  item: AgendaItemView;
  index: number;
  count: number;
  commands: Commands;
  /** shows the grip: the row can be dragged */
  draggable: boolean;
}

/** Up, grip, down: reordering by keyboard, and the handle that says the row can be dragged. */
export function AgendaMoveButtons({ item, index, count, commands, draggable }: Props) {
  const { t } = useTranslation();
  const itemId = item.id;
  const label = t('agenda.itemLabel', { number: localDigits(String(item.number)), title: item.title });
  const key = `agenda.move:${itemId}`;
  const busy = commands.isPending(key);

  /** moving re-inserts the row, which loses the focus: give it back so the keys can go on */
  const move = async (toIndex: number, testId: string) => {
    const ack = await commands.run('agenda.move', { itemId, toIndex }, key);
    if (!ack.ok) return;
    window.requestAnimationFrame(() => {
      const row = document.querySelector(`[data-testid="agenda-item"][data-item-id="${CSS.escape(itemId)}"]`);
      const target =
        row?.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]:not(:disabled)`) ??
        row?.querySelector<HTMLButtonElement>('[data-testid^="agenda-move"]:not(:disabled)');
      target?.focus();
    });
  };

  return (
    <div className="agenda-move" role="group" aria-label={t('agenda.move', { label })}>
      <button
        type="button"
        className="agenda-move__button"
        data-testid="agenda-move-up"
        title={t('agenda.moveUp', { label })}
        aria-label={t('agenda.moveUp', { label })}
        aria-busy={busy}
        disabled={index === 0 || busy}
        onClick={() => void move(index - 1, 'agenda-move-up')}
      >
        ▲
      </button>
      {draggable && (
        <span className="agenda-move__grip" aria-hidden="true" title={t('agenda.drag')}>
          ⠿
        </span>
      )}
      <button
        type="button"
        className="agenda-move__button"
        data-testid="agenda-move-down"
        title={t('agenda.moveDown', { label })}
        aria-label={t('agenda.moveDown', { label })}
        aria-busy={busy}
        disabled={index === count - 1 || busy}
        onClick={() => void move(index + 1, 'agenda-move-down')}
      >
        ▼
      </button>
    </div>
  );
}
