import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { authorshipKey } from '../editor/authorshipPlugin';
import { authorsByShare } from '../editor/authorship';
import type { Drafting } from '../hooks/useDrafting';
import { actorName } from '../lib/drafting';
import { useTranslation } from 'react-i18next';

/** Which colour is whose, for the authors of the text as it stands (largest share first). */
export function AuthorshipLegend({ editor, drafting }: { editor: Editor | null; drafting: Drafting }) {
  const { t } = useTranslation();
  const authors = useEditorState({
    editor,
    selector: ({ editor: e }) => (e && !e.isDestroyed ? authorsByShare(authorshipKey.getState(e.state)?.ranges ?? []) : []),
  });
  const list = authors ?? [];
  const tinted = list.filter((a) => a.actor && drafting.actorColors[a.actor]);
  const untinted = list.some((a) => !a.actor || !drafting.actorColors[a.actor]);
  return (
    <div className="authorship-legend" data-testid="authorship-legend" aria-label={t('authorship.label')}>
      <span className="authorship-legend__title">{t('authorship.title')}</span>
      {tinted.length === 0 && <span className="authorship-legend__none">{t('authorship.none')}</span>}
      {tinted.map((a) => (
        <span key={a.actor} className="authorship-legend__entry" data-actor={a.actor}>
          <span className="authorship-legend__swatch" style={{ ['--author-color' as string]: drafting.actorColors[a.actor!] }} aria-hidden="true" />
          {actorName(a.actor, drafting.delegations)}
        </span>
      ))}
      {untinted && (
        <span className="authorship-legend__entry authorship-legend__entry--plain">
          <span className="authorship-legend__swatch authorship-legend__swatch--plain" aria-hidden="true" />
          {t('authorship.original')}
        </span>
      )}
    </div>
  );
}
