import { PlenaryError, SESSION_TRANSITIONS, sessionMeta, type SessionState } from '@plenary/shared';
import type { Handler } from './context';

export const setState: Handler<'session.setState'> = (ctx, { state }) => {
  const meta = sessionMeta(ctx.doc);
  const from = (meta.get('state') as SessionState | undefined) ?? 'scheduled';
  if (from === state) throw new PlenaryError('CONFLICT', `The sitting is already ${state}`);
  if (!SESSION_TRANSITIONS[from].includes(state)) {
    throw new PlenaryError('CONFLICT', `A ${from} sitting cannot be made ${state}; it can be made ${SESSION_TRANSITIONS[from].join(' or ')}`);
  }
  meta.set('state', state);
  meta.set('stateChangedAt', ctx.now);
};
