/**
 * A thread of comments as the public reads it: each comment with its author as they chose to be
 * shown, official answers marked, replies nested under a rule, and the placeholders that keep
 * replies in place when a comment was deleted or hidden (never its words).
 *
 * In the page's language (issue 14): what people wrote (words, names, an organisation) is marked
 * `data-as-written`, the council's name is the council's content (`lang` from useContentLang).
 * Works without JavaScript: reply, edit, delete and report are links to their own pages.
 */
import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { Markdown } from "~/components/Markdown";
import { useRichTranslation } from "~/i18n/rich";
import { useContentLang, useLanguage, useLocalHref, useTranslation } from "~/i18n/react";
import type { ShownAuthor } from "./rules";
import type { CommentView } from "./types";
import { formatWhen } from "./when";

export function commentAnchor(id: number) {
  return `comment-${id}`;
}

/**
 * An author's name as shown: "Resident" in the page's language, or the name they gave, as
 * written. As an element built here rather than a component, so a sentence that puts it in
 * (`rt`) sees its words (a Bengali possessive joins "বাসিন্দা" as "বাসিন্দার").
 */
export function useAuthorName(): (author: Pick<ShownAuthor, "name" | "anonymous">) => ReactNode {
  const { t } = useTranslation();
  return (author) => (author.anonymous ? <>{t("commentPages.item.resident")}</> : <span data-as-written="">{author.name}</span>);
}

export function AuthorName({ author }: { author: Pick<ShownAuthor, "name" | "anonymous"> }) {
  return <>{useAuthorName()(author)}</>;
}

/** What follows the name: ", councillor", ", for Northmoor Carers" or the council's name on an official answer. */
export function AuthorCapacity({ author }: { author: ShownAuthor }) {
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const contentLang = useContentLang();
  if (!author.capacity) return null;
  const what = author.council ? (
    <span lang={contentLang}>{author.capacity}</span>
  ) : author.councillor ? (
    t("commentPages.item.councillor")
  ) : author.organisation ? (
    rt("commentPages.item.forOrganisation", {
      organisation: <span data-as-written="">{author.organisation}</span>,
    })
  ) : (
    <span data-as-written="">{author.capacity}</span>
  );
  return <span>, {what}</span>;
}

/** The name as plain text, for hidden words beside a link. */
function useAuthorText() {
  const { t } = useTranslation();
  return (author: ShownAuthor | null) => (author ? (author.anonymous ? t("commentPages.item.resident") : author.name) : "");
}

function Placeholder({ comment }: { comment: CommentView }) {
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const href = useLocalHref();
  if (comment.status !== "hidden") return <p className="govuk-body app-comment__placeholder">{t("commentPages.item.deletedByAuthor")}</p>;
  const rule = comment.hiddenUnder;
  const log = (
    <Link className="govuk-link" to={href("/moderation-log")}>
      {t("commentPages.item.moderationLog")}
    </Link>
  );
  return (
    <p className="govuk-body app-comment__placeholder">
      {rule
        ? rt("commentPages.item.hiddenUnderRule", {
            rule: (
              <Link className="govuk-link" to={href(`/house-rules#${rule.key}`)}>
                {rule.title}
              </Link>
            ),
            log,
          })
        : rt("commentPages.item.hiddenUnderRules", {
            rules: (
              <Link className="govuk-link" to={href("/house-rules")}>
                {t("commentPages.item.houseRules")}
              </Link>
            ),
            log,
          })}
    </p>
  );
}

export function CommentMeta({ comment }: { comment: CommentView }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (!comment.author) return null;
  return (
    <p className="govuk-body-s app-comment__meta">
      <span className="app-comment__author">
        <AuthorName author={comment.author} />
      </span>
      <AuthorCapacity author={comment.author} /> {comment.official ? <strong className="govuk-tag">{t("commentPages.item.officialAnswer")}</strong> : null}
      {comment.status === "pending" ? <strong className="govuk-tag govuk-tag--yellow">{t("commentPages.item.pending")}</strong> : null}
      <br />
      <time dateTime={comment.createdAt}>{formatWhen(comment.createdAt, lang)}</time>
      {comment.editedAt ? <span> {t("commentPages.item.edited")}</span> : null}
    </p>
  );
}

function Actions({ comment, base }: { comment: CommentView; base: string }) {
  const { t } = useTranslation();
  const localHref = useLocalHref();
  const href = `${base}/${comment.id}`;
  const who = useAuthorText()(comment.author);
  // Hidden words with the author's name in them are marked as written, like the name everywhere else.
  const items = [
    comment.canReply ? { key: "reply", to: `${href}#reply`, text: t("commentPages.item.reply"), hidden: t("commentPages.item.replyHidden", { name: who }), named: true } : null,
    comment.canEdit ? { key: "edit", to: `${href}/edit`, text: t("commentPages.item.edit"), hidden: t("commentPages.item.yourComment"), named: false } : null,
    comment.canDelete ? { key: "delete", to: `${href}/delete`, text: t("commentPages.item.delete"), hidden: t("commentPages.item.yourComment"), named: false } : null,
    comment.canReport ? { key: "report", to: `${href}/report`, text: t("commentPages.item.report"), hidden: t("commentPages.item.reportHidden", { name: who }), named: true } : null,
    { key: "link", to: href, text: t("commentPages.item.link"), hidden: t("commentPages.item.linkHidden", { name: who }), named: true },
  ].filter((x) => x != null);
  return (
    <ul className="govuk-body-s app-comment__actions">
      {items.map((item) => (
        <li key={item.key}>
          <Link className="govuk-link" to={localHref(item.to)}>
            {/* The space sits outside the hidden words so every screen reader hears two words. */}
            {item.text}{" "}
            <span className="govuk-visually-hidden" data-as-written={item.named && !comment.author?.anonymous ? "" : undefined}>
              {item.hidden}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function CommentItem({ comment, base, showActions = true }: { comment: CommentView; base: string; showActions?: boolean }) {
  const { t } = useTranslation();
  const href = useLocalHref();
  const who = useAuthorText()(comment.author);
  const placeholder = comment.status === "hidden" || comment.status === "deleted";
  return (
    <li id={commentAnchor(comment.id)} className={`app-comment${comment.official ? " app-comment--official" : ""}`}>
      <div className="app-comment__body">
        {placeholder ? (
          <Placeholder comment={comment} />
        ) : (
          <>
            <CommentMeta comment={comment} />
            <div data-as-written="">
              <Markdown html={comment.html} />
            </div>
            {showActions ? <Actions comment={comment} base={base} /> : null}
          </>
        )}
      </div>
      {comment.replies.length > 0 ? (
        <ol className="app-comments app-comments--replies" aria-label={comment.author ? t("commentPages.item.repliesTo", { name: who }) : t("commentPages.item.replies")}>
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} base={base} showActions={showActions} />
          ))}
        </ol>
      ) : null}
      {comment.moreReplies > 0 ? (
        <p className="govuk-body-s govuk-!-margin-top-2">
          <Link className="govuk-link" to={href(`${base}/${comment.id}`)}>
            {t("commentPages.item.moreReplies", { count: comment.moreReplies })}
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
