import type { PresenceEntry, SessionView, Welcome } from '@plenary/shared';
import type { ChannelStatus, Connection } from '../lib/connection';
import { describeYou, formatSittingDate } from '../lib/format';
import { delegationsPresent } from '../lib/presence';
import { StateBadge } from './StateBadge';
import { LiveClock } from './LiveClock';
import { ConnectionIndicator } from './ConnectionIndicator';
import { useTranslation } from 'react-i18next';
import { localDigits } from '../i18n/locale';
import { LanguageMenu } from './LanguageMenu';
import { Fragment, type ReactNode } from 'react';
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
  /** beside the connection state: what waits in this browser for the server */
  offline?: ReactNode;
}

export function SittingHeader({ view, welcome, presence, clockOffset, connection, channels, controls, offline }: Props) {
  const { t } = useTranslation();
  // each part isolated: a Latin venue beside a date in Arabic-Indic digits keeps its order
  const where = [view?.meta.venue, formatSittingDate(view?.meta.date)].filter((w): w is string => Boolean(w));
  const delegations = delegationsPresent(presence);
  const invited = view?.delegations.length ?? 0;
  return (
    <header className="sitting-header">
      <div className="sitting-header__row sitting-header__row--main">
        <div className="sitting-header__name">
          <h1 className="sitting-header__title" data-testid="sitting-title" aria-busy={!view}>
            {view ? view.meta.title : t('header.loading')}
          </h1>
          {where.length > 0 && (
            <span className="sitting-header__where">
              <span className="sitting-header__sep" aria-hidden="true">
                ·{' '}
              </span>
              {where.map((w, i) => (
                <Fragment key={i}>
                  {i > 0 && ' · '}
                  <bdi>{w}</bdi>
                </Fragment>
              ))}
            </span>
          )}
        </div>
        <div className="sitting-header__status">
          {view && <StateBadge state={view.meta.state} />}
          <LiveClock clockOffset={clockOffset} />
          <span
            className="sitting-header__count"
            data-testid="presence-count"
            title={invited ? t('header.delegationsPresent', { n: localDigits(String(delegations)), total: localDigits(String(invited)) }) : undefined}
          >
            <span aria-hidden="true">◉</span> {t('header.here', { n: localDigits(String(presence.length)) })}
          </span>
        </div>
      </div>
      <div className="sitting-header__row">
        <span className="sitting-header__you" data-testid="you">
          {welcome ? (
            <>
              {t('header.you')} <strong>{describeYou(welcome)}</strong>
            </>
          ) : (
            t('header.connecting')
          )}
        </span>
        <div className="sitting-header__actions">
          {controls}
          <LanguageMenu />
          <ConnectionIndicator connection={connection} channels={channels} />
          {offline}
        </div>
      </div>
    </header>
  );
}
