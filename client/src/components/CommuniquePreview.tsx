import type * as Y from 'yjs';
import type { Drafting } from '../hooks/useDrafting';
import { useCommuniqueSnapshot } from '../hooks/useCommuniqueSnapshot';
import { ReadOnlyCommunique } from './observer/ReadOnlyCommunique';
import './observer/Observer.css';

/** The live text, read-only, while the editor is still on its way over a slow link. */
export function CommuniquePreview({ doc, drafting }: { doc: Y.Doc; drafting: Drafting | null }) {
  const snapshot = useCommuniqueSnapshot(doc, drafting?.view.numbers ?? null);
  return (
    <div className="communique-panel__preview" data-testid="communique-preview">
      <ReadOnlyCommunique snapshot={snapshot} statuses={drafting?.view.statuses ?? {}} delegations={[]} focused={undefined} />
    </div>
  );
}
