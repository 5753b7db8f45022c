import { useEffect, useRef } from 'react';
import { sittingProgress, type AgendaItemView, type CommuniqueSnapshot, type SessionView } from '@plenary/shared/plain';
import { useSocket } from '../../hooks/useSocket';
import { useYDoc } from '../../hooks/useYDoc';
import { useSessionView } from '../../hooks/useSessionView';
import { useServerNow } from '../../hooks/useServerNow';
import { useCommuniqueSnapshot } from '../../hooks/useCommuniqueSnapshot';
import { useFitText } from '../../hooks/useFitText';
import { formatClock } from '../../lib/format';
import { formatCountdown, silenceScope } from '../../lib/drafting';
import { localDigits } from '../../i18n/locale';
import { delegationInfo } from '../../lib/speakers';
import { itemClock, moreWaiting, nextSpeakers, openItemOf, sittingStateNote, upcomingItem } from '../../lib/sittingNow';
import { focusTarget, type FocusTarget } from '../../lib/focusTarget';
import { refusalText } from '../../lib/refusals';
import { CBM_STATE_LABEL } from '../../lib/statusWords';
import { PARAGRAPH_STATUS_ICON as STATUS_ICON, PARAGRAPH_STATUS_LABEL as STATUS_LABEL } from '../../lib/statusWords';
import { InviteMessage } from '../InviteMessage';
import { SpeakerTimer } from '../SpeakerTimer';
import { useTranslation } from 'react-i18next';
import { num } from '../../i18n/locale';
import './Projector.css';

const NEXT_ON_SCREEN = 4;

/**
 * The room screen at `/s/<sid>/projector`: dark, very large type, no buttons and no scrolling —
 * the item, who speaks and the timer, who is next, and what the chair has put in focus.
 */
export function Projector({ sid, token }: { sid: string; token: string }) {
  const socket = useSocket(token);
  const session = useYDoc(sid, 'session', token, !socket.refused);
  const communique = useYDoc(sid, 'communique', token, !socket.refused);
  const view = useSessionView(session.doc);
  const { t } = useTranslation();
  const snapshot = useCommuniqueSnapshot(communique.doc, view?.numbers ?? null);
  const item = view ? openItemOf(view.agenda) : null;
  const running = item?.floor?.runningSince != null;
  const now = useServerNow(socket.clockOffset, running ? 200 : 1000);

  const title = view?.meta.title;
  useEffect(() => {
    document.title = `${t('projector.roomScreen')} — ${title ?? 'Plenary'}`;
  }, [title, t]);
  useEffect(() => {
    document.documentElement.classList.add('projector-page');
    return () => document.documentElement.classList.remove('projector-page');
  }, []);

  if (socket.refused) {
    return (
      <InviteMessage title={t('projector.cannotOpen')}>
        {t('projector.invalidLink', { reason: refusalText(socket.refused).replace(/\.$/, '') })}
      </InviteMessage>
    );
  }

  const offline = socket.status !== 'connected' || session.status !== 'connected';
  const focus = view ? focusTarget(view.meta.focus, snapshot, view.paragraphs, view.cbms, view.delegations) : null;
  return (
    <main className="projector" data-testid="projector" data-item-id={item?.id ?? ''} data-focus={focus?.kind ?? ''} data-offline={offline || undefined}>
      <header className="projector__top">
        <span className="projector__title">{view?.meta.title ?? 'Plenary'}</span>
        <span className="projector__top-right">
          {offline && <span className="projector__offline">{t('connection.reconnecting')}</span>}
          <time className="projector__clock">{formatClock(now)}</time>
        </span>
      </header>
      {!view ? (
        <p className="projector__waiting">{t('projector.connecting')}</p>
      ) : (
        <>
          <ItemBanner view={view} item={item} now={now} />
          <SilenceLine view={view} snapshot={snapshot} now={now} />
          <div className="projector__main" data-with-focus={focus !== null || undefined}>
            <Speaker view={view} item={item} now={now} />
            <Next view={view} item={item} />
          </div>
          {focus ? <Focus focus={focus} /> : <Summary view={view} now={now} snapshot={snapshot} />}
        </>
      )}
    </main>
  );
}

/** A running silence procedure, for the whole room: what will be agreed, when, and the time left. */
function SilenceLine({ view, snapshot, now }: { view: SessionView; snapshot: CommuniqueSnapshot | null; now: number }) {
  const { t } = useTranslation();
  const silence = view.silence;
  if (silence?.state !== 'running') return null;
  const scope = silenceScope(silence, (id) => snapshot?.paragraphs.find((p) => p.id === id)?.label ?? '…');
  return (
    <section className="projector__silence" data-testid="projector-silence" aria-live="polite">
      <strong>{t('silence.title')}</strong> {t('silence.willAgree', { scope, deadline: formatClock(silence.deadline) })}{' '}
      <span className="projector__silence-left">{now < silence.deadline ? localDigits(formatCountdown(silence.deadline - now)) : t('silence.deadlineReached')}</span>
    </section>
  );
}

function ItemBanner({ view, item, now }: { view: SessionView; item: AgendaItemView | null; now: number }) {
  const { t } = useTranslation();
  const note = sittingStateNote(view.meta.state);
  if (!item) {
    const upcoming = upcomingItem(view.agenda);
    return (
      <section className="projector__item" data-testid="projector-item" data-item-id="">
        <p className="projector__kicker">{note ?? t('projector.noItem')}</p>
        <h1 className="projector__item-title">{upcoming ? t('projector.next', { number: num(upcoming.number), title: upcoming.title }) : view.meta.title}</h1>
      </section>
    );
  }
  const clock = itemClock(item, now);
  return (
    <section className="projector__item" data-testid="projector-item" data-item-id={item.id}>
      <p className="projector__kicker">
        {t('projector.itemOf', { number: num(item.number), count: num(view.agenda.length) })}
        <span className="projector__item-time" data-over={clock.over}>
          {clock.text}
        </span>
        {note && <span className="projector__note">{note}</span>}
      </p>
      <h1 className="projector__item-title">{item.title}</h1>
    </section>
  );
}

function Speaker({ view, item, now }: { view: SessionView; item: AgendaItemView | null; now: number }) {
  const { t } = useTranslation();
  const floor = item?.floor ?? null;
  if (!floor) {
    return (
      <section className="projector__speaker projector__speaker--none" data-testid="projector-speaker" data-delegation="">
        <p className="projector__label">{t('projector.speaking')}</p>
        <p className="projector__none">{item ? t('projector.noFloor') : '—'}</p>
      </section>
    );
  }
  const d = delegationInfo(view.delegations, floor.delegation);
  return (
    <section className="projector__speaker" data-testid="projector-speaker" data-delegation={floor.delegation}>
      <p className="projector__label">{floor.pointOfOrder ? t('projector.pointOfOrder') : t('projector.speaking')}</p>
      <p className="projector__speaker-name">
        <span className="projector__dot" style={{ background: d.color }} aria-hidden="true" />
        <span className="projector__speaker-text">{d.name}</span>
      </p>
      <div className="projector__timer" data-testid="projector-timer">
        <SpeakerTimer floor={floor} now={now} />
      </div>
    </section>
  );
}

function Next({ view, item }: { view: SessionView; item: AgendaItemView | null }) {
  const { t } = useTranslation();
  const next = nextSpeakers(item, view.delegations, NEXT_ON_SCREEN);
  const more = moreWaiting(item, NEXT_ON_SCREEN);
  return (
    <section className="projector__next" data-testid="projector-next" data-count={next.length}>
      <p className="projector__label">
        {t('projector.nextLabel')}
        {item?.speakersClosed ? ` ${t('projector.listClosed')}` : ''}
      </p>
      {next.length === 0 ? (
        <p className="projector__none projector__none--small">{item ? t('projector.noneWaiting') : '—'}</p>
      ) : (
        <ol className="projector__next-list">
          {next.map((s, i) => (
            <li key={s.delegation} data-delegation={s.delegation} data-point-of-order={s.pointOfOrder}>
              <span className="projector__place">{num(i + 1)}</span>
              <span className="projector__dot projector__dot--small" style={{ background: s.color }} aria-hidden="true" />
              <span className="projector__next-name">{s.name}</span>
              {s.pointOfOrder && <span className="projector__order">⚑</span>}
            </li>
          ))}
        </ol>
      )}
      {more > 0 && <p className="projector__more">{t('projector.more', { n: num(more) })}</p>}
    </section>
  );
}

/** the type of the focused text, in `em` of the screen's base size: as large as fits, within these */
const MAX_FOCUS_SCALE = 1.9;
const MIN_FOCUS_SCALE = 0.7;

function Focus({ focus }: { focus: FocusTarget }) {
  const { t } = useTranslation();
  const box = useRef<HTMLElement>(null);
  const text = useRef<HTMLParagraphElement>(null);
  const fitKey = focus.kind === 'paragraph' ? `${focus.id}:${focus.text}` : focus.kind === 'cbm' ? `${focus.id}:${focus.title}` : focus.id;
  useFitText(box, text, fitKey, focus.kind === 'cbm' ? 2.2 : MAX_FOCUS_SCALE, MIN_FOCUS_SCALE);
  if (focus.kind === 'paragraph') {
    return (
      <section ref={box} className="projector__focus" data-testid="projector-focus" data-paragraph-id={focus.id} data-status={focus.status}>
        <p className="projector__focus-head">
          <span className="projector__focus-label">{focus.label}</span>
          <span className={`projector__badge projector__badge--${focus.status}`}>
            {STATUS_ICON[focus.status]} {STATUS_LABEL[focus.status]}
          </span>
        </p>
        <p ref={text} className="projector__focus-text" dir="auto">
          {focus.paragraph.runs.map((r, i) =>
            r.brackets.length > 0 ? (
              <span key={i} className="projector__bracket">
                [{r.text}]
              </span>
            ) : (
              <span key={i}>{r.text}</span>
            ),
          )}
        </p>
      </section>
    );
  }
  if (focus.kind === 'cbm') {
    return (
      <section ref={box} className="projector__focus projector__focus--cbm" data-testid="projector-focus" data-cbm-id={focus.id} data-state={focus.state}>
        <p className="projector__focus-head">
          <span className="projector__focus-label">{t('projector.measure')}</span>
          <span className={`projector__badge projector__badge--cbm-${focus.state}`}>{CBM_STATE_LABEL[focus.state]}</span>
        </p>
        <p ref={text} className="projector__focus-text projector__focus-text--title" dir="auto">
          {focus.title}
        </p>
        <p className="projector__sponsors">{t('projector.sponsoredBy', { names: focus.sponsors.join(`${t('list.separator')} `) })}</p>
      </section>
    );
  }
  return (
    <section className="projector__focus projector__focus--missing" data-testid="projector-focus" {...(focus.what === 'paragraph' ? { 'data-paragraph-id': focus.id } : { 'data-cbm-id': focus.id })}>
      <p className="projector__none projector__none--small">{t('projector.loadingText')}</p>
    </section>
  );
}

/** Without a focus: where the text stands, in one line. */
function Summary({ view, now, snapshot }: { view: SessionView; now: number; snapshot: Parameters<typeof sittingProgress>[1] }) {
  const { t } = useTranslation();
  if (!snapshot) return null;
  const p = sittingProgress(view, snapshot, now);
  return (
    <section className="projector__summary" data-testid="projector-summary">
      <span>
        {t('projector.communique')} <strong>{num(p.paragraphs.agreed)}</strong> {t('projector.paragraphsAgreed', { total: num(p.paragraphs.total) })}
        {p.paragraphs.bracketed > 0 && t('projector.bracketed', { n: num(p.paragraphs.bracketed) })}
      </span>
      {p.cbms.total > 0 && (
        <span>
          {t('projector.measures')} <strong>{num(p.cbms.endorsed)}</strong> {t('projector.endorsed', { total: num(p.cbms.total) })}
        </span>
      )}
      <span>
        <strong>{num(p.delegations.present)}</strong> {t('projector.delegationsPresent', { total: num(p.delegations.invited) })}
      </span>
    </section>
  );
}
