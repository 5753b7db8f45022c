import type { DragEventHandler } from 'react';
import type { AgendaItemView } from '@plenary/shared';
import type { Commands } from '../hooks/useCommands';
import { agendaTime } from '../lib/agendaTime';
import { AGENDA_STATE_LABEL } from '../lib/format';
import type { DropSide } from '../lib/reorder';
import { AgendaItemActions } from './AgendaItemActions';
import { AgendaItemEditor } from './AgendaItemEditor';
import { AgendaMoveButtons } from './AgendaMoveButtons';
import { useTranslation } from 'react-i18next';
import { isRtl } from '../i18n';
import { localDigits } from '../i18n/locale';

const MARK: Record<AgendaItemView['state'], string> = { pending: '○', open: '▶', closed: '✓', deferred: '↷' };
/** the open item's pointer faces the text in either direction */
const MARK_RTL: Record<AgendaItemView['state'], string> = { ...MARK, open: '◀', deferred: '↶' };

interface Props {
  item: AgendaItemView;
  index: number;
  count: number;
  now: number;
  preside: boolean;
  commands: Commands;
  editing: boolean;
  onEdit: (on: boolean) => void;
  /** where a dragged item would land relative to this one */
  dropSide: DropSide | null;
  dragging: boolean;
  drag: {
    onDragStart: DragEventHandler<HTMLLIElement>;
    onDragOver: DragEventHandler<HTMLLIElement>;
    onDrop: DragEventHandler<HTMLLIElement>;
    onDragEnd: DragEventHandler<HTMLLIElement>;
  };
}

export function AgendaItemRow({ item, index, count, now, preside, commands, editing, onEdit, dropSide, dragging, drag }: Props) {
  const { t, i18n } = useTranslation();
  const time = agendaTime(item, now);
  const draggable = preside && !editing;
  return (
    <li
      className={`agenda__item agenda__item--${item.state}`}
      data-testid="agenda-item"
      data-item-id={item.id}
      data-state={item.state}
      data-drop={dropSide ?? undefined}
      data-drag-source={dragging || undefined}
      aria-current={item.state === 'open' ? 'step' : undefined}
      draggable={draggable}
      {...(draggable ? drag : { onDragOver: drag.onDragOver, onDrop: drag.onDrop })}
    >
      <span className="agenda__number">{localDigits(String(item.number))}</span>
      <div className="agenda__body">
        <span className="agenda__title">{item.title}</span>
        {item.description && !editing && (
          <span className="agenda__description" title={item.description}>
            {item.description}
          </span>
        )}
        <span className="agenda__meta">
          <span className="agenda__state">
            <span aria-hidden="true">{(isRtl(i18n.language) ? MARK_RTL : MARK)[item.state]} </span>
            {AGENDA_STATE_LABEL[item.state]}
          </span>
          {time.text && (
            <span className="agenda__time" data-testid="agenda-item-time" data-over={time.over} title={t('agenda.timeTitle')}>
              {time.text}
            </span>
          )}
          {item.speakersClosed && <span className="agenda__flag">{t('agenda.listClosed')}</span>}
        </span>
        {preside && !editing && <AgendaItemActions item={item} commands={commands} onEdit={() => onEdit(true)} />}
        {preside && editing && <AgendaItemEditor item={item} commands={commands} onDone={() => onEdit(false)} />}
      </div>
      {preside && <AgendaMoveButtons item={item} index={index} count={count} commands={commands} draggable={draggable} />}
    </li>
  );
}
