import type { CommuniqueSnapshot, Measure, SessionMeta } from '@plenary/shared';
import type { Commands } from '../../hooks/useCommands';
import { focusOptions, focusPayload, focusValue } from '../../lib/focusTarget';
import { useTranslation } from 'react-i18next';

interface Props {
  sid: string;
  token: string;
  focus: SessionMeta['focus'] | undefined;
  snapshot: CommuniqueSnapshot | null;
  cbms: readonly Measure[];
  commands: Commands;
}

/** The chair's control of the room screen: which paragraph or measure it shows. */
export function FocusPicker({ sid, token, focus, snapshot, cbms, commands }: Props) {
  const { t } = useTranslation();
  const options = focusOptions(snapshot, cbms);
  const value = focusValue(focus);
  const busy = commands.isPending('focus.set');
  const known = value === '' || [...options.paragraphs, ...options.measures].some((o) => o.value === value);
  const projector = `/s/${encodeURIComponent(sid)}/projector?token=${encodeURIComponent(token)}`;
  return (
    <section className="obs-focus" aria-label={t('focus.label')} data-testid="focus-picker">
      <label className="obs-focus__label" htmlFor="focus-select">
        {t('focus.onScreen')}
      </label>
      <div className="obs-focus__controls">
        <select
          id="focus-select"
          className="obs-focus__select"
          data-testid="focus-select"
          value={value}
          aria-busy={busy}
          disabled={busy}
          onChange={(e) => void commands.run('focus.set', focusPayload(e.target.value))}
        >
          <option value="">{t('focus.nothing')}</option>
          {!known && <option value={value}>{t('focus.gone')}</option>}
          {options.paragraphs.length > 0 && (
            <optgroup label={t('progress.paragraphs')}>
              {options.paragraphs.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          )}
          {options.measures.length > 0 && (
            <optgroup label={t('feedKind.cbm')}>
              {options.measures.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <button
          type="button"
          className="obs-button"
          data-testid="focus-clear"
          disabled={busy || value === ''}
          title={t('focus.clearTitle')}
          onClick={() => void commands.run('focus.set', {})}
        >
          {t('focus.clear')}
        </button>
        <a className="obs-focus__open" href={projector} target="_blank" rel="noreferrer" data-testid="open-projector" title={t('focus.openTitle')}>
          {t('focus.open')}
        </a>
      </div>
    </section>
  );
}
