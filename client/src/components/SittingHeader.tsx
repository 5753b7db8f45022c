import type { ReactNode } from 'react';
import type { PresenceEntry, SessionView, Welcome } from '@plenary/shared';
import type { ChannelStatus, Connection } from '../lib/connection';
import { describeYou, formatSittingDate } from '../lib/format';
import { delegationsPresent } from '../lib/presence';
import { StateBadge } from './StateBadge';
import { LiveClock } from './LiveClock';
import { ConnectionIndicator } from './ConnectionIndicator';
import './SittingHeader.css';

interface Props {
  view: SessionView | null;
  welcome: Welcome | null;
  presence: PresenceEntry[];
  clockOffset: number;
  connection: Connection;
  channels: { label: string; status: ChannelStatus }[];
  /** the chair's controls for the sitting's state; null for everyone else */
  controls: ReactNode;
}

export function SittingHeader({ view, welcome, presence, clockOffset, connection, channels, controls }: Props) {
  const where = [view?.meta.venue, formatSittingDate(view?.meta.date)].filter(Boolean).join(' · ');
  const delegations = delegationsPresent(presence);
  const invited = view?.delegations.length ?? 0;
  return (
    <header className="sitting-header">
      <div className="sitting-header__row sitting-header__row--main">
        <div className="sitting-header__name">
          <h1 className="sitting-header__title" data-testid="sitting-title" aria-busy={!view}>
            {view ? view.meta.title : 'Loading the sitting…'}
          </h1>
          {where && (
            <span className="sitting-header__where">
              <span className="sitting-header__sep" aria-hidden="true">
                ·{' '}
              </span>
              {where}
            </span>
          )}
        </div>
        <div className="sitting-header__status">
          {view && <StateBadge state={view.meta.state} />}
          <LiveClock clockOffset={clockOffset} />
          <span
            className="sitting-header__count"
            data-testid="presence-count"
            title={invited ? `${delegations} of ${invited} delegations present` : undefined}
          >
            <span aria-hidden="true">◉</span> {presence.length} here
          </span>
        </div>
      </div>
      <div className="sitting-header__row">
        <span className="sitting-header__you" data-testid="you">
          {welcome ? (
            <>
              You: <strong>{describeYou(welcome)}</strong>
            </>
          ) : (
            'Connecting…'
          )}
        </span>
        <div className="sitting-header__actions">
          {controls}
          <ConnectionIndicator connection={connection} channels={channels} />
        </div>
      </div>
    </header>
  );
}
