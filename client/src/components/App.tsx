import { useInvite } from '../hooks/useInvite';
import { InviteMessage } from './InviteMessage';
import { ToastProvider } from './ToastProvider';
import { Workspace } from './Workspace';
import { Projector } from './projector/Projector';

export function App() {
  const invite = useInvite();
  switch (invite.kind) {
    case 'no-sitting':
    case 'no-token':
      return (
        <InviteMessage title="Open your invite link">
          Plenary opens from the personal link you received for the sitting (it looks like{' '}
          <code>…/s/kabul-2017?token=…</code>). Open that link in this browser; each link opens one seat.
        </InviteMessage>
      );
    case 'ok':
      if (invite.view === 'projector') return <Projector sid={invite.sid} token={invite.token} />;
      return (
        <ToastProvider>
          <Workspace sid={invite.sid} token={invite.token} />
        </ToastProvider>
      );
  }
}
