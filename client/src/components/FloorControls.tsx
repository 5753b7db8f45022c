import type { Floor } from '@plenary/shared';
import type { Commands } from '../hooks/useCommands';
import { withShortcut } from '../lib/shortcuts';
import { useTranslation } from 'react-i18next';

/** The chair's timer buttons, under the timer they act on. */
export function FloorControls({ itemId, floor, commands }: { itemId: string; floor: Floor; commands: Commands }) {
  const { t } = useTranslation();
  const running = floor.runningSince !== null;
  const btn = (testId: string, key: string, text: string, title: string, run: () => void, extra = '') => {
    const pending = commands.isPending(key);
    return (
      <button type="button" className={`speakers__button ${extra}`} data-testid={testId} title={title} aria-busy={pending} disabled={pending} onClick={run}>
        {text}
      </button>
    );
  };
  return (
    <div className="speakers__controls" role="group" aria-label={t('floor.timer')}>
      {running
        ? btn('timer-pause', 'timer.pause', t('floor.pause'), withShortcut(t('floor.pauseTitle'), 'pauseResume'), () => void commands.run('timer.pause', {}))
        : btn('timer-resume', 'timer.resume', t('floor.resume'), withShortcut(t('floor.resumeTitle'), 'pauseResume'), () => void commands.run('timer.resume', {}), 'speakers__button--primary')}
      {btn('timer-extend', 'timer.extend', t('floor.extend'), withShortcut(t('shortcut.extend'), 'extend'), () => void commands.run('timer.extend', { seconds: 30 }))}
      {btn('end-speech', 'speakers.endSpeech', t('floor.endSpeech'), withShortcut(t('shortcut.endSpeech'), 'endSpeech'), () =>
        void commands.run('speakers.endSpeech', { itemId }))}
    </div>
  );
}
