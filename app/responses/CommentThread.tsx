/**
 * A thread of comments as the public reads it: each comment with its author as they chose to be
 * shown, official answers marked, replies nested under a rule, and the placeholders that keep
 * replies in place when a comment was deleted or hidden (never its words).
 *
 * Works without JavaScript: reply, edit, delete and report are links to their own pages.
 */
import { Link } from "@remix-run/react";
import { Markdown } from "~/components/Markdown";
import type { CommentView } from "./types";
import { formatWhen } from "./when";

export function commentAnchor(id: number) {
  return `comment-${id}`;
}

function Placeholder({ comment }: { comment: CommentView }) {
  if (comment.status !== "hidden") return <p className="govuk-body app-comment__placeholder">The author deleted this comment.</p>;
  const rule = comment.hiddenUnder;
  return (
    <p className="govuk-body app-comment__placeholder">
      This comment was hidden by a moderator because it broke{" "}
      {rule ? (
        <>
          the house rule{" "}
          <Link className="govuk-link" to={`/house-rules#${rule.key}`}>
            {rule.title}
          </Link>
        </>
      ) : (
        <>
          the{" "}
          <Link className="govuk-link" to="/house-rules">
            house rules
          </Link>
        </>
      )}
      . Every comment hidden is listed in the{" "}
      <Link className="govuk-link" to="/moderation-log">
        moderation log
      </Link>
      .
    </p>
  );
}

export function CommentMeta({ comment }: { comment: CommentView }) {
  if (!comment.author) return null;
  return (
    <p className="govuk-body-s app-comment__meta">
      <span className="app-comment__author">{comment.author.name}</span>
      {comment.author.capacity ? <span>, {comment.author.capacity}</span> : null}{" "}
      {comment.official ? <strong className="govuk-tag">Official answer</strong> : null}
      {comment.status === "pending" ? <strong className="govuk-tag govuk-tag--yellow">Waiting for a moderator</strong> : null}
      <br />
      <time dateTime={comment.createdAt}>{formatWhen(comment.createdAt)}</time>
      {comment.editedAt ? <span> (edited)</span> : null}
    </p>
  );
}

function Actions({ comment, base }: { comment: CommentView; base: string }) {
  const href = `${base}/${comment.id}`;
  const who = comment.author?.name ?? "";
  const items = [
    comment.canReply ? { to: `${href}#reply`, text: "Reply", hidden: `to ${who}` } : null,
    comment.canEdit ? { to: `${href}/edit`, text: "Edit", hidden: "your comment" } : null,
    comment.canDelete ? { to: `${href}/delete`, text: "Delete", hidden: "your comment" } : null,
    comment.canReport ? { to: `${href}/report`, text: "Report", hidden: `comment by ${who}` } : null,
    { to: href, text: "Link", hidden: `to comment by ${who}` },
  ].filter((x): x is { to: string; text: string; hidden: string } => x != null);
  return (
    <ul className="govuk-body-s app-comment__actions">
      {items.map((item) => (
        <li key={item.text}>
          <Link className="govuk-link" to={item.to}>
            {/* The space sits outside the hidden words so every screen reader hears two words. */}
            {item.text} <span className="govuk-visually-hidden">{item.hidden}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function CommentItem({ comment, base, showActions = true }: { comment: CommentView; base: string; showActions?: boolean }) {
  const placeholder = comment.status === "hidden" || comment.status === "deleted";
  return (
    <li id={commentAnchor(comment.id)} className={`app-comment${comment.official ? " app-comment--official" : ""}`}>
      <div className="app-comment__body">
        {placeholder ? (
          <Placeholder comment={comment} />
        ) : (
          <>
            <CommentMeta comment={comment} />
            <Markdown html={comment.html} />
            {showActions ? <Actions comment={comment} base={base} /> : null}
          </>
        )}
      </div>
      {comment.replies.length > 0 ? (
        <ol className="app-comments app-comments--replies" aria-label={`Replies${comment.author ? ` to ${comment.author.name}` : ""}`}>
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} base={base} showActions={showActions} />
          ))}
        </ol>
      ) : null}
      {comment.moreReplies > 0 ? (
        <p className="govuk-body-s govuk-!-margin-top-2">
          <Link className="govuk-link" to={`${base}/${comment.id}`}>
            See {comment.moreReplies} more {comment.moreReplies === 1 ? "reply" : "replies"}
          </Link>
        </p>
      ) : null}
    </li>
  );
}

/** `base` is /consultations/:slug/comments: each comment's own page is `${base}/${id}`. */
export function CommentList({ comments, base, label }: { comments: CommentView[]; base: string; label: string }) {
  if (comments.length === 0) return null;
  return (
    <ol className="app-comments" aria-label={label}>
      {comments.map((c) => (
        <CommentItem key={c.id} comment={c} base={base} />
      ))}
    </ol>
  );
}
