import { useInvite } from '../hooks/useInvite';
import { InviteMessage } from './InviteMessage';
import { ToastProvider } from './ToastProvider';
import { Workspace } from './Workspace';
import { Projector } from './lazyParts';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';

export function App() {
  const { t } = useTranslation();
  const invite = useInvite();
  switch (invite.kind) {
    case 'no-sitting':
    case 'no-token':
      return (
        <InviteMessage title={t('app.openInviteTitle')}>
          {t('app.openInviteBefore')}{' '}
          <code dir="ltr">…/s/kabul-2017?token=…</code>
          {t('app.openInviteAfter')}
        </InviteMessage>
      );
    case 'ok':
      if (invite.view === 'projector')
        return (
          <Suspense fallback={null}>
            <Projector sid={invite.sid} token={invite.token} />
          </Suspense>
        );
      return (
        <ToastProvider>
          <Workspace sid={invite.sid} token={invite.token} />
        </ToastProvider>
      );
  }
}
