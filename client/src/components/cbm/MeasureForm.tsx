import { useId, useState, type FormEvent } from 'react';
import type { Ack, AgendaItemView, Measure } from '@plenary/shared';
import type { Commands } from '../../hooks/useCommands';
import { CBM_THEME_LABEL, CBM_THEMES } from '../../lib/cbmBoard';
import { checkEdit, checkProposal, emptyMeasureDraft, measureDraftOf, type MeasureDraft } from '../../lib/cbmForms';
import { refusalText } from '../../lib/refusals';
import { FormError } from './CbmBits';
import { useTranslation } from 'react-i18next';
import { num } from '../../i18n/locale';

interface Props {
  /** the measure being edited; a new proposal without it */
  measure?: Measure;
  agenda: readonly AgendaItemView[];
  commands: Commands;
  /** after the server accepted: the measure's id */
  onDone: (id: string) => void;
  onCancel: () => void;
}

/** Proposing a measure, or editing one: checked with the shared validators before it is sent. */
export function MeasureForm({ measure, agenda, commands, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<MeasureDraft>(() => (measure ? measureDraftOf(measure) : emptyMeasureDraft()));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [messages, setMessages] = useState<string[]>([]);
  const key = measure ? `cbm.edit:${measure.id}` : 'cbm.propose';
  const pending = commands.isPending(key);
  const set = (patch: Partial<MeasureDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const refuse = (errs: Partial<Record<string, string>>, msgs: string[]) => {
    setErrors(errs);
    setMessages(msgs);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    let ack: Ack;
    if (measure) {
      const checked = checkEdit(measure, draft);
      if (!checked.ok) return refuse(checked.errors, checked.messages);
      setErrors({});
      setMessages([]);
      ack = await commands.run('cbm.edit', { cbmId: measure.id, ...checked.payload }, key);
    } else {
      const checked = checkProposal(draft);
      if (!checked.ok) return refuse(checked.errors, checked.messages);
      setErrors({});
      setMessages([]);
      ack = await commands.run('cbm.propose', checked.payload, key);
    }
    if (!ack.ok) {
      setMessages([refusalText(ack.error)]);
      return;
    }
    const newId = measure?.id ?? (ack.result as { id?: string } | undefined)?.id;
    if (newId) onDone(newId);
  };

  const invalid = (f: string) => (errors[f] ? { 'aria-invalid': true, 'aria-describedby': `${id}-err` } : {});

  return (
    <form className="cbm-form" onSubmit={(e) => void submit(e)} aria-label={measure ? t('cbmUi.editMeasure') : t('cbmUi.proposeMeasure')} noValidate>
      <h2 className="cbm-form__heading">{measure ? t('cbmUi.editMeasure') : t('cbmUi.proposeMeasure')}</h2>
      <label className="cbm-form__field" htmlFor={`${id}-title`}>
        <span className="cbm-form__label">{t('common.title')}</span>
        <input
          id={`${id}-title`}
          data-testid="cbm-title"
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
          placeholder={t('cbmUi.titlePlaceholder')}
          dir="auto"
          autoFocus={!measure}
          {...invalid('title')}
        />
      </label>
      <label className="cbm-form__field" htmlFor={`${id}-desc`}>
        <span className="cbm-form__label">{t('common.description')}</span>
        <textarea
          id={`${id}-desc`}
          data-testid="cbm-description"
          rows={4}
          value={draft.description}
          onChange={(e) => set({ description: e.target.value })}
          placeholder={t('cbmUi.descriptionPlaceholder')}
          dir="auto"
          {...invalid('description')}
        />
      </label>
      <div className="cbm-form__row">
        <label className="cbm-form__field" htmlFor={`${id}-theme`}>
          <span className="cbm-form__label">{t('cbmUi.theme')}</span>
          <select id={`${id}-theme`} data-testid="cbm-theme" value={draft.theme} onChange={(e) => set({ theme: e.target.value as MeasureDraft['theme'] })} {...invalid('theme')}>
            {CBM_THEMES.map((th) => (
              <option key={th} value={th}>
                {CBM_THEME_LABEL[th]}
              </option>
            ))}
          </select>
        </label>
        <label className="cbm-form__field cbm-form__field--grow" htmlFor={`${id}-item`}>
          <span className="cbm-form__label">{t('cbmUi.agendaItem')}</span>
          <select id={`${id}-item`} data-testid="cbm-item" value={draft.itemId} onChange={(e) => set({ itemId: e.target.value })}>
            <option value="">{t('cbmUi.noItem')}</option>
            {agenda.map((i) => (
              <option key={i.id} value={i.id}>
                {num(i.number)}. {i.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div id={`${id}-err`}>
        <FormError messages={messages} />
      </div>
      <div className="cbm-form__actions">
        <button type="submit" className="cbm-button cbm-button--primary" data-testid="cbm-submit" aria-busy={pending} disabled={pending}>
          {pending ? (measure ? t('common.saving') : t('cbmUi.proposing')) : measure ? t('cbmUi.saveChanges') : t('cbmUi.proposeButton')}
        </button>
        <button type="button" className="cbm-button" data-testid="cbm-cancel" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
