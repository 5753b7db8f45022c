import {
  actorKey,
  findParagraph,
  hasBrackets,
  paragraphsWithId,
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
  if (!p) throw PlenaryError.of('NOT_FOUND', 'noSuchParagraph', { id: paragraphId });
  return p;
}

export const setStatus: Handler<'paragraph.setStatus'> = (ctx, { paragraphId, status }) => {
  const p = paragraph(ctx, paragraphId);
  if (statusOf(ctx.doc, paragraphId) === status) throw PlenaryError.of('CONFLICT', 'paragraphAlready', { paragraphStatus: status });
  if (status === 'agreed' && hasBrackets(p)) {
    throw PlenaryError.of('CONFLICT', 'bracketsBlockAgreement');
  }
  // a copy of the id (stored before L11) would be agreed with it, brackets and all
  if (status === 'agreed' && paragraphsWithId(ctx.communique!, paragraphId).length > 1) throw PlenaryError.of('CONFLICT', 'paragraphIdShared');
  paragraphStatuses(ctx.doc).set(paragraphId, { status, by: actorKey(ctx.actor), at: ctx.now });
};

export const addComment: Handler<'comment.add'> = (ctx, { paragraphId, text, replyTo }) => {
  paragraph(ctx, paragraphId);
  const comments = sessionComments(ctx.doc);
  if (replyTo !== undefined) {
    const parent = comments.get(replyTo);
    if (!parent || parent.paragraphId !== paragraphId) throw PlenaryError.of('NOT_FOUND', 'replyNotOnParagraph');
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
  if (!comment) throw PlenaryError.of('NOT_FOUND', 'noSuchComment', { id: commentId });
  const me = actorKey(ctx.actor);
  if (comment.author !== me && ctx.actor.role !== 'chair') throw PlenaryError.of('FORBIDDEN', 'resolveAuthorOrChair');
  if (comment.resolved) throw PlenaryError.of('CONFLICT', 'commentAlreadyResolved');
  comments.set(commentId, { ...comment, resolved: { by: me, at: ctx.now } });
};
