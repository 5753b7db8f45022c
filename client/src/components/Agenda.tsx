import { useState, type DragEvent } from 'react';
import type { AgendaItemView } from '@plenary/shared';
import type { Commands } from '../hooks/useCommands';
import { useServerNow } from '../hooks/useServerNow';
import { dropSide, moveTarget, type DropSide } from '../lib/reorder';
import { AgendaItemRow } from './AgendaItemRow';
import { AgendaAddForm } from './AgendaAddForm';
import { useTranslation } from 'react-i18next';
import './Agenda.css';

interface Props {
  items: AgendaItemView[] | null;
  /** the chair may open, close, edit, reorder */
  preside: boolean;
  commands: Commands;
  clockOffset: number;
}

/** The agenda: numbered items, the open one highlighted, planned against used time; the chair's controls inline. */
export function Agenda({ items, preside, commands, clockOffset }: Props) {
  const { t } = useTranslation();
  const hasOpen = items?.some((i) => i.state === 'open') ?? false;
  const now = useServerNow(clockOffset, 1000, hasOpen);
  const [editing, setEditing] = useState<string | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const [over, setOver] = useState<{ index: number; side: DropSide } | null>(null);

  const endDrag = () => {
    setDragId(null);
    setOver(null);
  };
  const onDragOver = (e: DragEvent<HTMLLIElement>, index: number) => {
    if (!dragId) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const rect = e.currentTarget.getBoundingClientRect();
    const side = dropSide(e.clientY, rect.top, rect.height);
    if (over?.index !== index || over.side !== side) setOver({ index, side });
  };
  const onDrop = (e: DragEvent<HTMLLIElement>, index: number) => {
    e.preventDefault();
    const id = dragId ?? e.dataTransfer.getData('text/plain');
    const from = items?.findIndex((i) => i.id === id) ?? -1;
    const rect = e.currentTarget.getBoundingClientRect();
    const to = moveTarget(from, index, dropSide(e.clientY, rect.top, rect.height));
    endDrag();
    if (to !== null && id) void commands.run('agenda.move', { itemId: id, toIndex: to }, `agenda.move:${id}`);
  };

  return (
    <div className="agenda" data-testid="agenda">
      <h2 className="panel-heading">{t('workspace.agenda')}</h2>
      {items === null ? (
        <p className="agenda__empty">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="agenda__empty">{t('agenda.empty')}</p>
      ) : (
        <ol className="agenda__list" data-dragging={dragId !== null}>
          {items.map((item, i) => (
            <AgendaItemRow
              key={item.id}
              item={item}
              index={i}
              count={items.length}
              now={now}
              preside={preside}
              commands={commands}
              editing={editing === item.id}
              onEdit={(on) => setEditing(on ? item.id : null)}
              dropSide={over?.index === i && dragId !== item.id ? over.side : null}
              dragging={dragId === item.id}
              drag={{
                onDragStart: (e) => {
                  e.dataTransfer.setData('text/plain', item.id);
                  e.dataTransfer.effectAllowed = 'move';
                  setDragId(item.id);
                },
                onDragOver: (e) => onDragOver(e, i),
                onDrop: (e) => onDrop(e, i),
                onDragEnd: endDrag,
              }}
            />
          ))}
        </ol>
      )}
      {preside && items !== null && <AgendaAddForm commands={commands} />}
    </div>
  );
}
