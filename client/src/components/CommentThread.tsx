import { useEffect, useMemo, useRef, useState } from 'react';
import type { Comment } from '@plenary/shared';
import type { Drafting } from '../hooks/useDrafting';
import { useDismiss } from '../hooks/useDismiss';
import { actorName, mayResolve, threadsOf } from '../lib/drafting';
import { formatClock } from '../lib/format';
import { useTranslation } from 'react-i18next';
import { localDigits } from '../i18n/locale';
import './CommentThread.css';

interface Props {
  paragraphId: string;
  label: string;
  /** px from the top of the page: the thread opens beside its paragraph */
  top: number;
  drafting: Drafting;
  onClose: () => void;
}

/** A paragraph's comments: threads with replies one level deep, resolve where allowed, a box to write. */
export function CommentThread({ paragraphId, label, top, drafting, onClose }: Props) {
  const { t: tr } = useTranslation();
  const box = useRef<HTMLElement>(null);
  useDismiss(box, true, onClose, `[data-testid="comment-count"][data-paragraph-id="${paragraphId}"]`);
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, []);
  const [replyTo, setReplyTo] = useState<Comment | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const threads = useMemo(() => threadsOf(drafting.view.comments, paragraphId), [drafting.view.comments, paragraphId]);
  const open = threads.filter((t) => !t.comment.resolved);
  const resolved = threads.filter((t) => t.comment.resolved);

  return (
    <section
      ref={box}
      className="comment-thread"
      style={{ top }}
      data-testid="comment-thread"
      data-paragraph-id={paragraphId}
      role="dialog"
      aria-label={tr('comments.on', { label })}
    >
      <header className="comment-thread__head">
        <h3 className="comment-thread__title">{tr('comments.on', { label })}</h3>
        <button type="button" className="comment-thread__close" aria-label={tr('comments.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {threads.length === 0 && <p className="comment-thread__empty">{tr('comments.none')}</p>}
      <ol className="comment-thread__list">
        {[...open, ...(showResolved ? resolved : [])].map((t) => (
          <li key={t.comment.id} className="comment-thread__thread">
            <CommentItem comment={t.comment} drafting={drafting} onReply={drafting.canParticipate ? () => setReplyTo(t.comment) : undefined} />
            {t.replies.length > 0 && (
              <ol className="comment-thread__replies">
                {t.replies.map((r) => (
                  <li key={r.id}>
                    <CommentItem comment={r} drafting={drafting} />
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
      {resolved.length > 0 && (
        <button type="button" className="comment-thread__toggle" onClick={() => setShowResolved((s) => !s)}>
          {tr(showResolved ? 'comments.hideResolved' : 'comments.showResolved', { n: localDigits(String(resolved.length)) })}
        </button>
      )}
      {drafting.canParticipate ? (
        <CommentForm paragraphId={paragraphId} replyTo={replyTo} onCancelReply={() => setReplyTo(null)} onSent={() => setReplyTo(null)} drafting={drafting} />
      ) : (
        <p className="comment-thread__note">{tr('comments.observerNote')}</p>
      )}
    </section>
  );
}

function CommentItem({ comment, drafting, onReply }: { comment: Comment; drafting: Drafting; onReply?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const color = drafting.actorColors[comment.author] ?? 'var(--ink-muted)';
  const key = `resolve:${comment.id}`;
  const resolve = () => void drafting.commands.run('comment.resolve', { commentId: comment.id }, key);
  return (
    <article className="comment" data-kind={comment.kind} data-resolved={!!comment.resolved} data-comment-id={comment.id}>
      <div className="comment__meta">
        <span className="comment__dot" style={{ background: color }} aria-hidden="true" />
        <strong className="comment__author">{comment.name}</strong>
        <time className="comment__time" dateTime={new Date(comment.at).toISOString()}>
          {formatClock(comment.at)}
        </time>
      </div>
      {comment.kind === 'kept-edit' && <p className="comment__kept">{t('comments.kept')}</p>}
      <p className="comment__text" dir="auto">{comment.text}</p>
      <div className="comment__actions">
        {onReply && !comment.resolved && (
          <button type="button" className="comment__action" data-testid="comment-reply" onClick={onReply}>
            {t('comments.reply')}
          </button>
        )}
        {mayResolve(comment, drafting.role, drafting.me) && (
          <button
            type="button"
            className="comment__action"
            data-testid="comment-resolve"
            aria-busy={drafting.commands.isPending(key)}
            onClick={resolve}
          >
            {t('comments.resolve')}
          </button>
        )}
        {comment.resolved && <span className="comment__resolved">{t('comments.resolvedBy', { name: actorName(comment.resolved.by, drafting.delegations) })}</span>}
      </div>
    </article>
  );
}

interface FormProps {
  paragraphId: string;
  replyTo: Comment | null;
  onCancelReply: () => void;
  onSent: () => void;
  drafting: Drafting;
}

function CommentForm({ paragraphId, replyTo, onCancelReply, onSent, drafting }: FormProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const key = `comment:${paragraphId}`;
  const busy = drafting.commands.isPending(key);
  const send = async () => {
    const body = text.trim();
    if (!body || busy) return;
    const ack = await drafting.commands.run('comment.add', { paragraphId, text: body, ...(replyTo ? { replyTo: replyTo.id } : {}) }, key);
    if (ack.ok) {
      setText('');
      onSent();
    }
  };
  return (
    <form
      className="comment-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      {replyTo && (
        <p className="comment-form__reply">
          {t('comments.replyingTo', { name: replyTo.name })}
          <button type="button" className="comment__action" onClick={onCancelReply}>
            {t('comments.cancel')}
          </button>
        </p>
      )}
      <textarea
        data-testid="comment-input"
        aria-label={replyTo ? t('comments.replyTo', { name: replyTo.name }) : t('comments.new')}
        placeholder={replyTo ? t('comments.yourReply') : t('comments.add')}
        dir="auto"
        rows={2}
        maxLength={4000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void send();
        }}
      />
      <button type="submit" className="dbtn dbtn--primary" data-testid="comment-submit" disabled={!text.trim()} aria-busy={busy}>
        {replyTo ? t('comments.reply') : t('comments.comment')}
      </button>
    </form>
  );
}
