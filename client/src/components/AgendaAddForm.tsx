import { useId, useState, type FormEvent } from 'react';
import type { Commands } from '../hooks/useCommands';
import { parseMinutes } from '../lib/duration';
import { useTranslation } from 'react-i18next';
import './AgendaForms.css';

/** The chair's "Add item" form at the foot of the agenda. */
export function AgendaAddForm({ commands }: { commands: Commands }) {
  const { t: tr } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const pending = commands.isPending('agenda.add');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const t = title.trim();
    if (!t) return setProblem(tr('agenda.giveTitle'));
    const durationMin = parseMinutes(minutes);
    if (Number.isNaN(durationMin)) return setProblem(tr('agenda.badMinutes'));
    setProblem(null);
    const ack = await commands.run('agenda.add', durationMin === null ? { title: t } : { title: t, durationMin });
    if (ack.ok) {
      setTitle('');
      setMinutes('');
    }
  };

  return (
    <form className="agenda-form agenda-form--add" onSubmit={(e) => void submit(e)} aria-label={tr('agenda.addLabel')}>
      <h3 className="agenda-form__heading">{tr('agenda.addHeading')}</h3>
      <div className="agenda-form__row">
        <label className="agenda-form__field agenda-form__field--grow" htmlFor={`${id}-title`}>
          <span className="visually-hidden">{tr('common.title')}</span>
          <input id={`${id}-title`} data-testid="agenda-add-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={tr('common.title')} maxLength={300} />
        </label>
        <label className="agenda-form__field agenda-form__field--minutes" htmlFor={`${id}-min`}>
          <span className="visually-hidden">{tr('agenda.plannedMinutes')}</span>
          <input id={`${id}-min`} data-testid="agenda-add-duration" inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} placeholder={tr('common.min')} />
        </label>
        <button type="submit" className="agenda-form__submit" data-testid="agenda-add-submit" aria-busy={pending} disabled={pending}>
          {pending ? tr('agenda.adding') : tr('agenda.add')}
        </button>
      </div>
      {problem && (
        <p className="agenda-form__problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
