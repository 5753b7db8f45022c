import { useId, useState, type FormEvent } from 'react';
import type { Ack, AgendaItemView, Measure } from '@plenary/shared';
import type { Commands } from '../../hooks/useCommands';
import { CBM_THEME_LABEL, CBM_THEMES } from '../../lib/cbmBoard';
import { checkEdit, checkProposal, emptyMeasureDraft, measureDraftOf, type MeasureDraft } from '../../lib/cbmForms';
import { FormError } from './CbmBits';

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
      setMessages([ack.error.message]);
      return;
    }
    const newId = measure?.id ?? (ack.result as { id?: string } | undefined)?.id;
    if (newId) onDone(newId);
  };

  const invalid = (f: string) => (errors[f] ? { 'aria-invalid': true, 'aria-describedby': `${id}-err` } : {});

  return (
    <form className="cbm-form" onSubmit={(e) => void submit(e)} aria-label={measure ? 'Edit the measure' : 'Propose a measure'} noValidate>
      <h2 className="cbm-form__heading">{measure ? 'Edit the measure' : 'Propose a measure'}</h2>
      <label className="cbm-form__field" htmlFor={`${id}-title`}>
        <span className="cbm-form__label">Title</span>
        <input
          id={`${id}-title`}
          data-testid="cbm-title"
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
          placeholder="e.g. Counter-terrorism hotline between security services"
          autoFocus={!measure}
          {...invalid('title')}
        />
      </label>
      <label className="cbm-form__field" htmlFor={`${id}-desc`}>
        <span className="cbm-form__label">Description</span>
        <textarea
          id={`${id}-desc`}
          data-testid="cbm-description"
          rows={4}
          value={draft.description}
          onChange={(e) => set({ description: e.target.value })}
          placeholder="What the measure does, who takes part, how it builds confidence"
          {...invalid('description')}
        />
      </label>
      <div className="cbm-form__row">
        <label className="cbm-form__field" htmlFor={`${id}-theme`}>
          <span className="cbm-form__label">Theme</span>
          <select id={`${id}-theme`} data-testid="cbm-theme" value={draft.theme} onChange={(e) => set({ theme: e.target.value as MeasureDraft['theme'] })} {...invalid('theme')}>
            {CBM_THEMES.map((t) => (
              <option key={t} value={t}>
                {CBM_THEME_LABEL[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="cbm-form__field cbm-form__field--grow" htmlFor={`${id}-item`}>
          <span className="cbm-form__label">Agenda item</span>
          <select id={`${id}-item`} data-testid="cbm-item" value={draft.itemId} onChange={(e) => set({ itemId: e.target.value })}>
            <option value="">None</option>
            {agenda.map((i) => (
              <option key={i.id} value={i.id}>
                {i.number}. {i.title}
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
          {pending ? (measure ? 'Saving…' : 'Proposing…') : measure ? 'Save changes' : 'Propose'}
        </button>
        <button type="button" className="cbm-button" data-testid="cbm-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
