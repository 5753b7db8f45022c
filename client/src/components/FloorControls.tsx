import type { Floor } from '@plenary/shared';
import type { Commands } from '../hooks/useCommands';
import { withShortcut } from '../lib/shortcuts';

/** The chair's timer buttons, under the timer they act on. */
export function FloorControls({ itemId, floor, commands }: { itemId: string; floor: Floor; commands: Commands }) {
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
    <div className="speakers__controls" role="group" aria-label="Timer">
      {running
        ? btn('timer-pause', 'timer.pause', '❚❚ Pause', withShortcut('Pause the timer', 'pauseResume'), () => void commands.run('timer.pause', {}))
        : btn('timer-resume', 'timer.resume', '▶ Resume', withShortcut('Resume the timer', 'pauseResume'), () => void commands.run('timer.resume', {}), 'speakers__button--primary')}
      {btn('timer-extend', 'timer.extend', '+30 s', withShortcut('Give 30 seconds more', 'extend'), () => void commands.run('timer.extend', { seconds: 30 }))}
      {btn('end-speech', 'speakers.endSpeech', 'End speech', withShortcut('End the speech', 'endSpeech'), () =>
        void commands.run('speakers.endSpeech', { itemId }))}
    </div>
  );
}
