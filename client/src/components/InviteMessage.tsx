import type { ReactNode } from 'react';
import './InviteMessage.css';

/** A full page for when there is no workspace to show: no invite, or one the server refused. */
export function InviteMessage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="invite-message" data-testid="invite-message">
      <div className="invite-message__card">
        <p className="invite-message__brand">Plenary</p>
        <h1>{title}</h1>
        <p>{children}</p>
      </div>
    </main>
  );
}
