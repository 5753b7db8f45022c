import { useCallback, useState } from 'react';
import { can, type AgendaItemView, type Delegation, type Role } from '@plenary/shared/plain';
import type { Commands } from '../hooks/useCommands';
import { useServerNow } from '../hooks/useServerNow';
import { useChairShortcuts } from '../hooks/useChairShortcuts';
import { useToasts } from '../hooks/useToasts';
import type { ShortcutAction } from '../lib/shortcuts';
import { CurrentSpeaker } from './CurrentSpeaker';
import { FloorControls } from './FloorControls';
import { SpeakerQueue } from './SpeakerQueue';
import { ListControls } from './ListControls';
import { DelegateFloorButtons } from './DelegateFloorButtons';
import { TimeSpoken } from './TimeSpoken';
import { ShortcutsHelp } from './ShortcutsHelp';
import { useTranslation } from 'react-i18next';
import { localDigits } from '../i18n/locale';
import './SpeakersPanel.css';

interface Props {
  agenda: AgendaItemView[] | null;
  delegations: Delegation[];
  role: Role | undefined;
  /** the viewer's delegation, for delegates */
  delegation: string | undefined;
  commands: Commands;
  clockOffset: number;
}

/** The open item's list of speakers and its timer; the chair's controls next to what they act on. */
export function SpeakersPanel({ agenda, delegations, role, delegation, commands, clockOffset }: Props) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const item = agenda?.find((i) => i.state === 'open') ?? null;
  const floor = item?.floor ?? null;
  const running = floor?.runningSince != null;
  // 5×/s while the timer runs; once a second otherwise (nothing else here moves faster)
  const now = useServerNow(clockOffset, running ? 200 : 1000, floor !== null);
  const preside = role !== undefined && can(role, 'preside');
  const participate = role === 'delegate' && delegation !== undefined;
  const [help, setHelp] = useState(false);
  const closeHelp = useCallback(() => setHelp(false), []);

  const onShortcut = (a: ShortcutAction) => {
    if (a === 'help') return setHelp((h) => !h);
    if (!item) return toasts.show(t('speakers.noOpenItemToast'), 'info');
    switch (a) {
      case 'next':
        return void commands.run('speakers.next', { itemId: item.id });
      case 'endSpeech':
        return void commands.run('speakers.endSpeech', { itemId: item.id });
      case 'pauseResume':
        return void (floor && floor.runningSince === null ? commands.run('timer.resume', {}) : commands.run('timer.pause', {}));
      case 'extend':
        return void commands.run('timer.extend', { seconds: 30 });
    }
  };
  useChairShortcuts(preside, onShortcut);

  return (
    <section className="speakers" data-testid="speakers-panel" data-item-id={item?.id} aria-label={t('speakers.heading')}>
      <h2 className="panel-heading speakers__heading">
        <span>{item ? t('speakers.headingItem', { number: localDigits(String(item.number)) }) : t('speakers.heading')}</span>
        {preside && (
          <button type="button" className="speakers__help" title={t('speakers.shortcutsTitle')} aria-label={t('speakers.shortcuts')} onClick={() => setHelp(true)}>
            ?
          </button>
        )}
      </h2>
      {agenda === null ? (
        <p className="speakers__empty">{t('common.loading')}</p>
      ) : !item ? (
        <p className="speakers__empty" data-testid="no-open-item">
          {t('speakers.noItem')}
          {preside && ` ${t('speakers.openOne')}`}
        </p>
      ) : (
        <div className="speakers__body">
          <p className="speakers__item-title">{item.title}</p>
          {floor ? (
            <>
              <CurrentSpeaker item={item} floor={floor} delegations={delegations} now={now} me={delegation} />
              {preside && <FloorControls itemId={item.id} floor={floor} commands={commands} />}
            </>
          ) : (
            <p className="speakers__no-floor" data-testid="no-speaker">
              {t('speakers.noFloor')}
            </p>
          )}
          <h3 className="speakers__subheading">
            {t('speakers.list')}
            {item.speakersClosed && <span className="speakers__closed-badge">{t('speakers.closed')}</span>}
          </h3>
          <SpeakerQueue item={item} delegations={delegations} now={now} preside={preside} commands={commands} me={delegation} />
          {preside && <ListControls item={item} delegations={delegations} commands={commands} />}
          {participate && <DelegateFloorButtons item={item} delegation={delegation} commands={commands} />}
        </div>
      )}
      {agenda && agenda.length > 0 && <TimeSpoken items={agenda} delegations={delegations} open={item} now={now} />}
      {help && <ShortcutsHelp onClose={closeHelp} />}
    </section>
  );
}
