import type { CbmState } from '@plenary/shared';
import { CBM_STATE_ICON, type PartyInfo } from '../../lib/cbmBoard';
import { CBM_STATE_LABEL } from '../../lib/statusWords';
import { useTranslation } from 'react-i18next';
import { formatPercent, num } from '../../i18n/locale';

/** A delegation (or the chair) in its one colour, with its name, its code, or both. */
export function Party({ party, show = 'name', role }: { party: PartyInfo; show?: 'name' | 'code' | 'both'; role?: string }) {
  return (
    <span className="cbm-party" title={role ? `${party.name} (${role})` : party.name} data-party={party.id}>
      <span className="cbm-dot" style={{ background: party.color }} aria-hidden="true" />
      {show === 'code' ? (
        <abbr className="cbm-party__code" title={party.name}>
          {party.short}
        </abbr>
      ) : show === 'both' ? (
        <>
          <span className="cbm-party__code">{party.short}</span> {party.name}
        </>
      ) : (
        party.name
      )}
    </span>
  );
}

/** A measure's state: a shape and a word. */
export function StateLabel({ state }: { state: CbmState }) {
  useTranslation();
  return (
    <span className={`cbm-state cbm-state--${state}`} data-state={state}>
      <span aria-hidden="true">{CBM_STATE_ICON[state]}</span> {CBM_STATE_LABEL[state]}
    </span>
  );
}

/** Rolled-up (or one commitment's) progress: a bar and the figure in words. */
export function ProgressBar({ progress, label, testId }: { progress: number | null; label?: string; testId?: string }) {
  const { t } = useTranslation();
  const value = progress ?? 0;
  const text = progress === null ? t('cbmUi.noCommitmentsYet') : formatPercent(value);
  return (
    <span
      className="cbm-progress"
      data-testid={testId}
      data-progress={value}
      data-empty={progress === null || undefined}
      role="progressbar"
      aria-label={label ?? t('cbmUi.progress')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-valuetext={text}
    >
      <span className="cbm-progress__track" aria-hidden="true">
        <span className="cbm-progress__fill" style={{ inlineSize: `${value}%` }} />
      </span>
      <span className="cbm-progress__text">{text}</span>
    </span>
  );
}

/** The overdue flag, in words beside its sign. */
export function OverdueFlag({ count }: { count?: number }) {
  const { t } = useTranslation();
  return (
    <span className="cbm-overdue" data-testid="cbm-overdue-flag">
      <span aria-hidden="true">⚠</span> {t('cbmUi.overdue')}
      {count !== undefined && count > 1 ? ` ×${num(count)}` : ''}
    </span>
  );
}

/** A form's problems (the validators' words, or the server's refusal), one per line. */
export function FormError({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="cbm-form__error" role="alert" data-testid="cbm-form-error">
      {messages.map((m, i) => (
        <p key={i}>{m}</p>
      ))}
    </div>
  );
}
