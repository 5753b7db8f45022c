import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { can, type Welcome } from '@plenary/shared';
import { CommuniqueEditor } from './CommuniqueEditor';
import './CommuniquePanel.css';

interface Props {
  doc: Y.Doc | null;
  provider: WebsocketProvider | null;
  /** whether the communiqué doc is in sync with the server right now */
  synced: boolean;
  welcome: Welcome | null;
}

/** The centre column: the communiqué, editable by the chair and delegates once it has loaded. */
export function CommuniquePanel({ doc, provider, synced, welcome }: Props) {
  const canDraft = welcome ? can(welcome.role, 'draft') : false;
  return (
    <div className="communique-panel">
      <div className="communique-panel__bar">
        <h2 className="panel-heading communique-panel__heading">Communiqué</h2>
        {welcome && !canDraft && <span className="communique-panel__note">read-only</span>}
      </div>
      {doc && provider && welcome ? (
        <CommuniqueEditor doc={doc} provider={provider} synced={synced} canDraft={canDraft} user={{ name: welcome.name, color: welcome.color }} />
      ) : (
        <div className="communique-panel__loading" data-testid="editor-loading">
          Connecting to the communiqué…
        </div>
      )}
    </div>
  );
}
