import { PlenaryError, SESSION_TRANSITIONS, sessionMeta, type SessionState } from '@plenary/shared';
import type { Handler } from './context';

export const setState: Handler<'session.setState'> = (ctx, { state }) => {
  const meta = sessionMeta(ctx.doc);
  const from = (meta.get('state') as SessionState | undefined) ?? 'scheduled';
  if (from === state) throw PlenaryError.of('CONFLICT', 'sittingAlready', { sessionState: state });
  if (!SESSION_TRANSITIONS[from].includes(state)) {
    throw PlenaryError.of('CONFLICT', 'sittingTransition', { sessionFrom: from, sessionTo: state, sessionAllowed: SESSION_TRANSITIONS[from].join(',') });
  }
  meta.set('state', state);
  meta.set('stateChangedAt', ctx.now);
};
