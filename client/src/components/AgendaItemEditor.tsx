import { useId, useState, type FormEvent } from 'react';
import { DEFAULT_SPEAKING_TIME_SEC, type AgendaItemView } from '@plenary/shared/plain';
import type { Commands } from '../hooks/useCommands';
import { formFromItem, speakingTimeText, updateFromForm, type ItemFieldsForm } from '../lib/duration';
import { useTranslation } from 'react-i18next';
import './AgendaForms.css';

/** Inline form: title, description, planned minutes, speaking time per speaker, budget per delegation. */
export function AgendaItemEditor({ item, commands, onDone }: { item: AgendaItemView; commands: Commands; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [form, setForm] = useState<ItemFieldsForm>(() => formFromItem(item));
  const [problem, setProblem] = useState<string | null>(null);
  const key = `agenda.update:${item.id}`;
  const pending = commands.isPending(key);
  const set = (k: keyof ItemFieldsForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = updateFromForm(item, form);
    if ('problem' in result) return setProblem(result.problem);
    setProblem(null);
    if (Object.keys(result.update).length === 0) return onDone();
    const ack = await commands.run('agenda.update', { itemId: item.id, ...result.update }, key);
    if (ack.ok) onDone();
  };

  return (
    <form
      className="agenda-form agenda-form--edit"
      data-testid="agenda-edit-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <label className="agenda-form__field" htmlFor={`${id}-title`}>
        {t('common.title')}
        <input id={`${id}-title`} data-testid="agenda-edit-title" value={form.title} onChange={set('title')} required autoFocus />
      </label>
      <label className="agenda-form__field" htmlFor={`${id}-desc`}>
        {t('common.description')}
        <textarea id={`${id}-desc`} data-testid="agenda-edit-description" rows={2} value={form.description} onChange={set('description')} />
      </label>
      <label className="agenda-form__inline" htmlFor={`${id}-dur`}>
        <span>{t('agenda.plannedTime')}</span>
        <input id={`${id}-dur`} data-testid="agenda-edit-duration" inputMode="numeric" value={form.durationMin} onChange={set('durationMin')} placeholder="—" />
        <span className="agenda-form__unit">{t('common.min')}</span>
      </label>
      <label className="agenda-form__inline" htmlFor={`${id}-speak`} title={t('agenda.perSpeakerTitle')}>
        <span>{t('agenda.perSpeaker')}</span>
        <input
          id={`${id}-speak`}
          data-testid="agenda-edit-speaking-time"
          value={form.speakingTime}
          onChange={set('speakingTime')}
          placeholder={speakingTimeText(DEFAULT_SPEAKING_TIME_SEC)}
        />
        <span className="agenda-form__unit">m:ss</span>
      </label>
      <label className="agenda-form__inline" htmlFor={`${id}-budget`} title={t('agenda.budgetTitle')}>
        <span>{t('agenda.budget')}</span>
        <input id={`${id}-budget`} data-testid="agenda-edit-budget" inputMode="decimal" value={form.budgetMin} onChange={set('budgetMin')} placeholder={t('common.none')} />
        <span className="agenda-form__unit">{t('common.min')}</span>
      </label>
      {problem && (
        <p className="agenda-form__problem" role="alert">
          {problem}
        </p>
      )}
      <div className="agenda-form__buttons">
        <button type="submit" className="agenda-form__submit" data-testid="agenda-edit-save" aria-busy={pending} disabled={pending}>
          {pending ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="agenda-form__cancel" data-testid="agenda-edit-cancel" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
