import { isBracketed, shownStatus, type CommuniqueSnapshot, type Delegation, type ParagraphStatus, type ParagraphStatusEntry, type SnapshotParagraph } from '@plenary/shared/plain';
import { PARAGRAPH_STATUS_ICON as STATUS_ICON, PARAGRAPH_STATUS_LABEL as STATUS_LABEL } from '../../lib/statusWords';
import { paragraphLabelText } from '../../lib/focusTarget';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';

interface Props {
  snapshot: CommuniqueSnapshot | null;
  statuses: Readonly<Record<string, ParagraphStatusEntry>>;
  delegations: readonly Delegation[];
  /** the paragraph on the room screen, marked */
  focused: string | undefined;
}

/** The live communiqué, read-only: PP/OP labels, text with its brackets, each paragraph's status in words. */
export function ReadOnlyCommunique({ snapshot, statuses, delegations, focused }: Props) {
  const { t } = useTranslation();
  if (!snapshot) return <p className="obs-muted">{t('observer.loadingCommunique')}</p>;
  return (
    <div className="obs-text" data-testid="observer-communique">
      {snapshot.title && (
        <h3 className="obs-text__title" dir="auto">
          {snapshot.title}
        </h3>
      )}
      <ol className="obs-text__list">
        {snapshot.paragraphs.map((p, i) => (
          <Paragraph key={p.id || i} p={p} status={shownStatus(statuses[p.id]?.status, isBracketed(p))} delegations={delegations} focused={focused === p.id} />
        ))}
      </ol>
    </div>
  );
}

function Paragraph({ p, status, delegations, focused }: { p: SnapshotParagraph; status: ParagraphStatus; delegations: readonly Delegation[]; focused: boolean }) {
  const { t } = useTranslation();
  const numbered = p.kind !== 'text';
  return (
    <li className="obs-para" data-testid="observer-paragraph" data-paragraph-id={p.id} data-status={numbered ? status : undefined} data-focused={focused || undefined}>
      <span className="obs-para__label">{numbered ? paragraphLabelText(p) : ''}</span>
      <p className="obs-para__text" dir="auto">
        {p.runs.map((r, i) =>
          r.brackets.length > 0 ? (
            <span key={i} className="obs-bracket" title={t('brackets.by', { who: r.brackets.map((b) => nameOf(delegations, b)).join(`${t('list.separator')} `) })}>
              [{r.text}]<sub className="obs-bracket__by">{r.brackets.map((b) => shortOf(delegations, b)).join(', ')}</sub>
            </span>
          ) : (
            <span key={i}>{r.text}</span>
          ),
        )}
        {p.runs.length === 0 && <span className="obs-muted">{t('observer.empty')}</span>}
      </p>
      <span className="obs-para__side">
        {numbered && (
          <span className={`obs-badge obs-badge--${status}`} data-testid="observer-paragraph-status" title={t('status.is', { label: paragraphLabelText(p), status: STATUS_LABEL[status] })}>
            <span aria-hidden="true">{STATUS_ICON[status]} </span>
            {STATUS_LABEL[status]}
          </span>
        )}
        {focused && <span className="obs-chip obs-chip--screen">{t('observer.onScreen')}</span>}
      </span>
    </li>
  );
}

/** Bracket holders are actor keys (`delegate:pk`, `chair`) or delegation ids. */
function idOf(holder: string): string {
  return holder.startsWith('delegate:') ? holder.slice('delegate:'.length) : holder;
}
function shortOf(delegations: readonly Delegation[], holder: string): string {
  const id = idOf(holder);
  if (id === 'chair') return i18n.t('actor.chair');
  return delegations.find((d) => d.id === id)?.short ?? id.toUpperCase();
}
function nameOf(delegations: readonly Delegation[], holder: string): string {
  const id = idOf(holder);
  if (id === 'chair') return i18n.t('you.chair');
  return delegations.find((d) => d.id === id)?.name ?? id;
}
