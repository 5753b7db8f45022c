import { SESSION_TRANSITIONS, type SessionState } from '@plenary/shared/plain';
import type { Commands } from '../hooks/useCommands';
import { transitionLabel } from '../lib/format';
import { useTranslation } from 'react-i18next';
import './SessionStateControls.css';

/** The chair's buttons for the moves the sitting allows from where it is. */
export function SessionStateControls({ state, commands }: { state: SessionState; commands: Commands }) {
  const { t } = useTranslation();
  const targets = SESSION_TRANSITIONS[state];
  const busy = targets.some((to) => commands.isPending(`session.setState:${to}`));
  return (
    <div className="state-controls" role="group" aria-label={t('stateControls.label')}>
      {targets.map((to) => {
        const key = `session.setState:${to}`;
        const pending = commands.isPending(key);
        return (
          <button
            key={to}
            type="button"
            className={`state-controls__button state-controls__button--${to}`}
            data-testid={`set-state-${to}`}
            aria-busy={pending}
            disabled={busy}
            onClick={() => void commands.run('session.setState', { state: to }, key)}
          >
            {pending && <span className="state-controls__spinner" aria-hidden="true" />}
            {transitionLabel(state, to)}
          </button>
        );
      })}
    </div>
  );
}
