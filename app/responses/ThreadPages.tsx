/**
 * The pages of a discussion: a thread (the whole proposal, or one risk, service affected,
 * mitigation or equality row) and one comment with its replies. Routes load the data
 * (thread-page.server.ts) and render these.
 */
import { Link } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Pagination } from "~/components/Pagination";
import { CommentItem, CommentList } from "./CommentThread";
import { CommentForm, useCommentForm } from "./forms";
import { MAX_DEPTH, threadPath } from "./rules";
import type { CommentPageData, ThreadPageData } from "./thread-page.server";
import { SuccessBanner } from "~/components/SuccessBanner";

function consultationHref(slug: string) {
  return `/consultations/${encodeURIComponent(slug)}`;
}

function crumbs(c: { slug: string; title: string }) {
  return [
    { href: "/", text: "Home" },
    { href: "/consultations", text: "Consultations" },
    { href: consultationHref(c.slug), text: c.title },
  ];
}

function countText(n: number) {
  return n === 1 ? "1 comment" : `${n.toLocaleString("en-GB")} comments`;
}

export function threadHeading(d: ThreadPageData["description"], target: ThreadPageData["target"]) {
  return target.type === "proposal" ? "Comments on the proposal" : `Comments on ${d.caption === "Risk" || d.caption === "Mitigation" ? d.title : `${d.caption.toLowerCase()}: ${d.title}`}`;
}

function TargetContext({ data }: { data: Pick<ThreadPageData, "consultation" | "target" | "description"> }) {
  const { description: d, target, consultation } = data;
  if (target.type === "proposal") return null;
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
        {d.title.startsWith(d.caption) ? d.title : `${d.caption}: ${d.title}`}
      </p>
      {d.summary ? <p className="govuk-body">{d.summary}</p> : null}
      <p className="govuk-body govuk-!-margin-bottom-0">
        <Link className="govuk-link" to={`${consultationHref(consultation.slug)}${d.anchor ? `#${d.anchor}` : ""}`}>
          See it in the proposal
        </Link>
      </p>
    </div>
  );
}

function Toggle({ items }: { items: { href: string; text: string; current: boolean }[] }) {
  return (
    <ul className="govuk-list app-comment__actions govuk-!-margin-bottom-6">
      {items.map((i) => (
        <li key={i.href}>
          {i.current ? (
            <strong aria-current="page">{i.text}</strong>
          ) : (
            <Link className="govuk-link" to={i.href}>
              {i.text}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

export function ThreadPageView({ data, lastResult }: { data: ThreadPageData; lastResult: SubmissionResult<string[]> | null | undefined }) {
  const state = useCommentForm(lastResult);
  const base = `${consultationHref(data.consultation.slug)}/comments`;
  const heading = threadHeading(data.description, data.target);
  const path = threadPath(data.consultation.slug, data.target);
  const query = (params: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== "").map(([k, v]) => [k, String(v)]));
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  const isOfficial = data.show === "official";
  return (
    <>
      <Breadcrumbs className="govuk-!-margin-top-0 govuk-!-margin-bottom-6" items={crumbs(data.consultation)} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={state.errors} focusKey={state.focusKey} />
          <span className="govuk-caption-l">{data.consultation.title}</span>
          <h1 className="govuk-heading-l">{isOfficial ? "The council’s official answers" : heading}</h1>
          <TargetContext data={data} />
          <p className="govuk-body">
            {data.visibleCount === 0 ? "No comments yet." : `${countText(data.visibleCount)}.`}{" "}
            {data.form.mode !== "closed" && !isOfficial ? (
              <a className="govuk-link" href="#comment-form">
                Add a comment
              </a>
            ) : null}
          </p>
          {data.target.type === "proposal" ? (
            <Toggle
              items={[
                { href: path, text: "All comments", current: !isOfficial },
                { href: query({ show: "official" }), text: `Official answers from the council (${data.officialCount ?? 0})`, current: isOfficial },
              ]}
            />
          ) : null}
          {data.thread ? (
            <>
              {data.thread.totalTopLevel > 1 ? (
                <Toggle
                  items={[
                    { href: query({}), text: "Oldest first", current: data.order === "oldest" },
                    { href: query({ order: "newest" }), text: "Newest first", current: data.order === "newest" },
                  ]}
                />
              ) : null}
              <CommentList comments={data.thread.comments} base={base} label={heading} />
              <Pagination
                page={data.thread.page}
                pages={data.thread.pages}
                label="Pages of comments"
                hrefFor={(n) => query({ order: data.order === "newest" ? "newest" : undefined, page: n > 1 ? n : undefined })}
              />
            </>
          ) : null}
          {data.official ? (
            <>
              {data.official.answers.length === 0 ? <p className="govuk-body">The council has not answered any comments yet.</p> : null}
              <ol className="app-comments" aria-label="Official answers">
                {data.official.answers.map((a) => (
                  <li key={a.id} className="app-comment">
                    {a.inReplyTo ? (
                      <p className="govuk-body-s govuk-!-margin-bottom-1">
                        In reply to {a.inReplyTo.name ? <>{a.inReplyTo.name}: “{a.inReplyTo.excerpt}”</> : "a comment that is no longer shown"}
                      </p>
                    ) : null}
                    <ol className="app-comments">
                      <CommentItem comment={{ ...a, replies: [], moreReplies: 0 }} base={base} />
                    </ol>
                  </li>
                ))}
              </ol>
              <Pagination page={data.official.page} pages={data.official.pages} label="Pages of official answers" hrefFor={(n) => query({ show: "official", page: n > 1 ? n : undefined })} />
            </>
          ) : null}
          {data.form.mode === "closed" ? (
            <p className="govuk-body govuk-!-margin-top-6" data-testid="comments-closed">
              {data.form.closedMessage}
            </p>
          ) : !isOfficial ? (
            <section aria-labelledby="add-comment-heading" className="govuk-!-margin-top-6">
              <h2 className="govuk-heading-m" id="add-comment-heading">
                Add a comment
              </h2>
              <CommentForm
                state={state}
                mode={data.form.mode}
                action={data.action}
                label={data.target.type === "proposal" ? "Your comment on the proposal" : `Your comment on ${data.description.title}`}
                councilName={data.form.councilName}
                signInHref={data.form.signInHref}
                profileHref={data.form.profileHref}
                postingAs={data.form.postingAs}
              />
            </section>
          ) : null}
          <p className="govuk-body">
            <Link className="govuk-link" to={consultationHref(data.consultation.slug)}>
              Back to the consultation
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}

const FLASH: Record<NonNullable<CommentPageData["flash"]>, string> = {
  posted: "Your comment has been posted.",
  held: "Thank you. Your comment will appear once a moderator has checked it against the house rules.",
  reported: "Thank you for your report. A moderator will check the comment against the house rules.",
  deleted: "Your comment has been deleted.",
  edited: "Your comment has been changed.",
};

export function CommentPageView({ data, lastResult }: { data: CommentPageData; lastResult: SubmissionResult<string[]> | null | undefined }) {
  const state = useCommentForm(lastResult);
  const base = `${consultationHref(data.consultation.slug)}/comments`;
  const author = data.comment.author?.name;
  // Three levels: a comment at the deepest level takes no replies.
  const replyable = data.comment.status === "visible" && data.comment.depth < MAX_DEPTH;
  return (
    <>
      <Breadcrumbs className="govuk-!-margin-top-0 govuk-!-margin-bottom-6" items={crumbs(data.consultation)} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={state.errors} focusKey={state.focusKey} />
          {data.flash ? (
            <SuccessBanner>{FLASH[data.flash]}</SuccessBanner>
          ) : null}
          <span className="govuk-caption-l">{data.consultation.title}</span>
          <h1 className="govuk-heading-l">{author ? `Comment by ${author}` : "Comment"}</h1>
          <p className="govuk-body">
            On{" "}
            <Link className="govuk-link" to={data.threadHref}>
              {data.target.type === "proposal" ? "the whole proposal" : `${data.description.caption.toLowerCase()}: ${data.description.title}`}
            </Link>
          </p>
          {data.ancestors.length > 0 ? (
            <>
              <h2 className="govuk-heading-s">In reply to</h2>
              <ol className="app-comments" aria-label="Earlier in the conversation">
                {data.ancestors.map((a) => (
                  <CommentItem key={a.id} comment={a} base={base} showActions={false} />
                ))}
              </ol>
            </>
          ) : null}
          <ol className="app-comments" aria-label="The comment and its replies">
            <CommentItem comment={{ ...data.comment, replies: data.replies.comments, moreReplies: 0 }} base={base} />
          </ol>
          <Pagination page={data.replies.page} pages={data.replies.pages} label="Pages of replies" hrefFor={(n) => `${data.action}${n > 1 ? `?page=${n}` : ""}`} />
          {data.form.mode === "closed" ? (
            <p className="govuk-body govuk-!-margin-top-6" data-testid="comments-closed">
              {data.form.closedMessage}
            </p>
          ) : replyable ? (
            <section aria-labelledby="reply-heading" id="reply" className="govuk-!-margin-top-6">
              <h2 className="govuk-heading-m" id="reply-heading">
                Reply{author ? ` to ${author}` : ""}
              </h2>
              <CommentForm
                state={state}
                mode={data.form.mode}
                action={data.action}
                label="Your reply"
                submitText="Post reply"
                councilName={data.form.councilName}
                signInHref={data.form.signInHref}
                profileHref={data.form.profileHref}
                postingAs={data.form.postingAs}
              />
            </section>
          ) : data.comment.status === "visible" ? (
            <p className="govuk-body">Replies go three levels deep. To carry on the conversation, reply to the comment above this one.</p>
          ) : null}
          <p className="govuk-body">
            <Link className="govuk-link" to={data.threadHref}>
              See all the comments in this conversation
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}
