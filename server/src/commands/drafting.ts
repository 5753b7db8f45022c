import {
  actorKey,
  findParagraph,
  hasBrackets,
  newId,
  paragraphStatuses,
  PlenaryError,
  sessionComments,
  statusOf,
  type Comment,
} from '@plenary/shared';
import type * as Y from 'yjs';
import type { CommandContext, Handler } from './context';

function paragraph(ctx: CommandContext, paragraphId: string): Y.XmlElement {
  const p = ctx.communique ? findParagraph(ctx.communique, paragraphId) : null;
  if (!p) throw new PlenaryError('NOT_FOUND', `There is no paragraph "${paragraphId}" in the communiqué`);
  return p;
}

export const setStatus: Handler<'paragraph.setStatus'> = (ctx, { paragraphId, status }) => {
  const p = paragraph(ctx, paragraphId);
  if (statusOf(ctx.doc, paragraphId) === status) throw new PlenaryError('CONFLICT', `The paragraph is already ${status}`);
  if (status === 'agreed' && hasBrackets(p)) {
    throw new PlenaryError('CONFLICT', 'A paragraph with brackets cannot be agreed; lift its brackets first');
  }
  paragraphStatuses(ctx.doc).set(paragraphId, { status, by: actorKey(ctx.actor), at: ctx.now });
};

export const addComment: Handler<'comment.add'> = (ctx, { paragraphId, text, replyTo }) => {
  paragraph(ctx, paragraphId);
  const comments = sessionComments(ctx.doc);
  if (replyTo !== undefined) {
    const parent = comments.get(replyTo);
    if (!parent || parent.paragraphId !== paragraphId) throw new PlenaryError('NOT_FOUND', 'The comment replied to is not on this paragraph');
  }
  const id = newId('c-');
  const comment: Comment = {
    id,
    paragraphId,
    text,
    author: actorKey(ctx.actor),
    name: ctx.actor.name,
    at: ctx.now,
    kind: 'comment',
    ...(replyTo ? { replyTo } : {}),
  };
  comments.set(id, comment);
  return { id };
};

export const resolveComment: Handler<'comment.resolve'> = (ctx, { commentId }) => {
  const comments = sessionComments(ctx.doc);
  const comment = comments.get(commentId);
  if (!comment) throw new PlenaryError('NOT_FOUND', `There is no comment "${commentId}"`);
  const me = actorKey(ctx.actor);
  if (comment.author !== me && ctx.actor.role !== 'chair') throw new PlenaryError('FORBIDDEN', 'Only its author or the chair can resolve a comment');
  if (comment.resolved) throw new PlenaryError('CONFLICT', 'The comment is already resolved');
  comments.set(commentId, { ...comment, resolved: { by: me, at: ctx.now } });
};
