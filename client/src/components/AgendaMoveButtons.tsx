import type { AgendaItemView } from '@plenary/shared';
import type { Commands } from '../hooks/useCommands';

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
  const itemId = item.id;
  const label = `item ${item.number} (${item.title})`;
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
    <div className="agenda-move" role="group" aria-label={`Move ${label}`}>
      <button
        type="button"
        className="agenda-move__button"
        data-testid="agenda-move-up"
        title={`Move ${label} up`}
        aria-label={`Move ${label} up`}
        aria-busy={busy}
        disabled={index === 0 || busy}
        onClick={() => void move(index - 1, 'agenda-move-up')}
      >
        ▲
      </button>
      {draggable && (
        <span className="agenda-move__grip" aria-hidden="true" title="Drag to reorder">
          ⠿
        </span>
      )}
      <button
        type="button"
        className="agenda-move__button"
        data-testid="agenda-move-down"
        title={`Move ${label} down`}
        aria-label={`Move ${label} down`}
        aria-busy={busy}
        disabled={index === count - 1 || busy}
        onClick={() => void move(index + 1, 'agenda-move-down')}
      >
        ▼
      </button>
    </div>
  );
}
