import type { SessionState } from '@plenary/shared';
import { SESSION_STATE_LABEL } from '../lib/format';
import { useTranslation } from 'react-i18next';
import './StateBadge.css';

/** The sitting's state in words (colour only helps): "● OPEN". */
export function StateBadge({ state }: { state: SessionState }) {
  useTranslation();
  return (
    <span className={`state-badge state-badge--${state}`} data-testid="sitting-state" data-state={state}>
      <span className="state-badge__dot" aria-hidden="true" />
      {SESSION_STATE_LABEL[state]}
    </span>
  );
}
