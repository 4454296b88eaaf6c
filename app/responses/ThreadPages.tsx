/**
 * The pages of a discussion: a thread (the whole proposal, or one risk, service affected,
 * mitigation or equality row) and one comment with its replies. Routes load the data
 * (thread-page.server.ts) and render these, in the page's language (issue 14).
 */
import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { ErrorSummary, type ErrorSummaryItem } from "~/components/ErrorSummary";
import { Pagination } from "~/components/Pagination";
import { SuccessBanner } from "~/components/SuccessBanner";
import type { Translate } from "~/i18n/i18n";
import { useRichTranslation } from "~/i18n/rich";
import { useContentLang, useLocalHref, useTranslation } from "~/i18n/react";
import { CommentItem, CommentList, useAuthorName } from "./CommentThread";
import { CommentForm, useCommentForm } from "./forms";
import { localMessage } from "./messages";
import { MAX_DEPTH, threadPath } from "./rules";
import { targetWords } from "./targets";
import type { CommentPageData, ThreadPageData } from "./thread-page.server";

function consultationHref(slug: string) {
  return `/consultations/${encodeURIComponent(slug)}`;
}

function crumbs(c: { slug: string; title: string }, t: Translate, contentLang: string | undefined) {
  return [
    { href: "/", text: t("common.home") },
    { href: "/consultations", text: t("layout.consultations") },
    { href: consultationHref(c.slug), text: c.title, lang: contentLang },
  ];
}

type Target = Pick<ThreadPageData, "target" | "description">;

/** "Comments on the proposal", "Comments on Risk R2", "Comments on equality impact: Disability" (a string, for the title). */
export function threadHeading(d: ThreadPageData["description"], target: ThreadPageData["target"], t: Translate): string {
  if (target.type === "proposal") return t("commentPages.thread.headingProposal");
  const w = targetWords(target.type, d, t);
  return t("commentPages.thread.headingOn", {
    title: target.type === "risk" || target.type === "mitigation" ? w.title : `${w.caption.toLowerCase()}: ${w.title}`,
  });
}

/** The target's name in a sentence, the council's own words marked as such. */
function useTargetName() {
  const { t } = useTranslation();
  const contentLang = useContentLang();
  return ({ target, description }: Target, withCaption: boolean): ReactNode => {
    const w = targetWords(target.type, description, t);
    const title = w.titleIsContent ? <span lang={contentLang}>{w.title}</span> : w.title;
    return withCaption ? (
      <>
        {w.caption.toLowerCase()}: {title}
      </>
    ) : (
      title
    );
  };
}

function Heading({ data }: { data: Target }) {
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const name = useTargetName();
  if (data.target.type === "proposal") return <>{t("commentPages.thread.headingProposal")}</>;
  const short = data.target.type === "risk" || data.target.type === "mitigation";
  return rt("commentPages.thread.headingOn", {
    title: name(data, !short),
  }) as JSX.Element;
}

function TargetContext({ data }: { data: Pick<ThreadPageData, "consultation" | "target" | "description"> }) {
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const href = useLocalHref();
  const contentLang = useContentLang();
  const { description: d, target, consultation } = data;
  if (target.type === "proposal") return null;
  const w = targetWords(target.type, d, t);
  const title = w.titleIsContent ? <span lang={contentLang}>{w.title}</span> : w.title;
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
        {w.title.startsWith(w.caption)
          ? title
          : rt("commentPages.kinds.withCaption", { caption: w.caption, title })}
      </p>
      {d.summary ? (
        <p className="govuk-body" lang={contentLang}>
          {d.summary}
        </p>
      ) : null}
      <p className="govuk-body govuk-!-margin-bottom-0">
        <Link className="govuk-link" to={href(`${consultationHref(consultation.slug)}${d.anchor ? `#${d.anchor}` : ""}`)}>
          {t("commentPages.thread.seeInProposal")}
        </Link>
      </p>
    </div>
  );
}

function Toggle({ items }: { items: { href: string; text: string; current: boolean }[] }) {
  const href = useLocalHref();
  return (
    <ul className="govuk-list app-comment__actions govuk-!-margin-bottom-6">
      {items.map((i) => (
        <li key={i.href}>
          {i.current ? (
            <strong aria-current="page">{i.text}</strong>
          ) : (
            <Link className="govuk-link" to={href(i.href)}>
              {i.text}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The form's errors in the page's language (the server's own messages are English). */
function useLocalErrors(errors: ErrorSummaryItem[]) {
  const { t } = useTranslation();
  return errors.map((e) => ({ ...e, message: localMessage(e.message, t) }));
}

export function ThreadPageView({ data, lastResult }: { data: ThreadPageData; lastResult: SubmissionResult<string[]> | null | undefined }) {
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const authorName = useAuthorName();
  const href = useLocalHref();
  const contentLang = useContentLang();
  const state = useCommentForm(lastResult);
  const errors = useLocalErrors(state.errors);
  const base = `${consultationHref(data.consultation.slug)}/comments`;
  const heading = threadHeading(data.description, data.target, t);
  const path = threadPath(data.consultation.slug, data.target);
  const query = (params: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams(
      Object.entries(params)
        .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== "")
        .map(([k, v]) => [k, String(v)]),
    );
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  const isOfficial = data.show === "official";
  return (
    <>
      <Breadcrumbs className="govuk-!-margin-top-0 govuk-!-margin-bottom-6" items={crumbs(data.consultation, t, contentLang)} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} focusKey={state.focusKey} title={t("commentPages.errorSummary")} />
          <span className="govuk-caption-l" lang={contentLang}>
            {data.consultation.title}
          </span>
          <h1 className="govuk-heading-l">{isOfficial ? t("commentPages.thread.officialHeading") : <Heading data={data} />}</h1>
          <TargetContext data={data} />
          <p className="govuk-body">
            {data.visibleCount === 0
              ? t("commentPages.thread.none")
              : t("commentPages.thread.count", {
                  count: data.visibleCount,
                })}{" "}
            {data.form.mode !== "closed" && !isOfficial ? (
              <a className="govuk-link" href="#comment-form">
                {t("commentPages.thread.add")}
              </a>
            ) : null}
          </p>
          {data.target.type === "proposal" ? (
            <Toggle
              items={[
                {
                  href: path,
                  text: t("commentPages.thread.all"),
                  current: !isOfficial,
                },
                {
                  href: query({ show: "official" }),
                  text: t("commentPages.thread.official", {
                    n: data.officialCount ?? 0,
                  }),
                  current: isOfficial,
                },
              ]}
            />
          ) : null}
          {data.thread ? (
            <>
              {data.thread.totalTopLevel > 1 ? (
                <Toggle
                  items={[
                    {
                      href: query({}),
                      text: t("commentPages.thread.oldest"),
                      current: data.order === "oldest",
                    },
                    {
                      href: query({ order: "newest" }),
                      text: t("commentPages.thread.newest"),
                      current: data.order === "newest",
                    },
                  ]}
                />
              ) : null}
              <CommentList comments={data.thread.comments} base={base} label={heading} />
              <Pagination
                page={data.thread.page}
                pages={data.thread.pages}
                label={t("commentPages.thread.pagesLabel")}
                hrefFor={(n) =>
                  href(
                    query({
                      order: data.order === "newest" ? "newest" : undefined,
                      page: n > 1 ? n : undefined,
                    }),
                  )
                }
              />
            </>
          ) : null}
          {data.official ? (
            <>
              {data.official.answers.length === 0 ? <p className="govuk-body">{t("commentPages.thread.noAnswers")}</p> : null}
              <ol className="app-comments" aria-label={t("commentPages.thread.answersLabel")}>
                {data.official.answers.map((a) => (
                  <li key={a.id} className="app-comment">
                    {a.inReplyTo ? (
                      <p className="govuk-body-s govuk-!-margin-bottom-1">
                        {a.inReplyTo.name
                          ? rt("commentPages.thread.inReplyToName", {
                              name: authorName(a.inReplyTo),
                              excerpt: <span data-as-written="">{a.inReplyTo.excerpt}</span>,
                            })
                          : t("commentPages.thread.inReplyToGone")}
                      </p>
                    ) : null}
                    <ol className="app-comments">
                      <CommentItem comment={{ ...a, replies: [], moreReplies: 0 }} base={base} />
                    </ol>
                  </li>
                ))}
              </ol>
              <Pagination
                page={data.official.page}
                pages={data.official.pages}
                label={t("commentPages.thread.answersPagesLabel")}
                hrefFor={(n) => href(query({ show: "official", page: n > 1 ? n : undefined }))}
              />
            </>
          ) : null}
          {data.form.mode === "closed" ? (
            <p className="govuk-body govuk-!-margin-top-6" data-testid="comments-closed">
              {data.form.closedMessage ? localMessage(data.form.closedMessage, t) : null}
            </p>
          ) : !isOfficial ? (
            <section aria-labelledby="add-comment-heading" className="govuk-!-margin-top-6">
              <h2 className="govuk-heading-m" id="add-comment-heading">
                {t("commentPages.thread.add")}
              </h2>
              <CommentForm
                state={state}
                mode={data.form.mode}
                action={data.action}
                label={
                  data.target.type === "proposal"
                    ? t("commentPages.thread.yourCommentOnProposal")
                    : t("commentPages.thread.yourCommentOn", {
                        title: targetWords(data.target.type, data.description, t).title,
                      })
                }
                councilName={data.form.councilName}
                signInHref={data.form.signInHref}
                profileHref={data.form.profileHref}
                postingAs={data.form.postingAs}
              />
            </section>
          ) : null}
          <p className="govuk-body">
            <Link className="govuk-link" to={href(consultationHref(data.consultation.slug))}>
              {t("commentPages.thread.back")}
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}

const FLASH = {
  posted: "commentPages.comment.posted",
  held: "commentPages.comment.held",
  reported: "commentPages.comment.reported",
  deleted: "commentPages.comment.deleted",
  edited: "commentPages.comment.edited",
} as const satisfies Record<NonNullable<CommentPageData["flash"]>, string>;

export function CommentPageView({ data, lastResult }: { data: CommentPageData; lastResult: SubmissionResult<string[]> | null | undefined }) {
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const authorName = useAuthorName();
  const href = useLocalHref();
  const contentLang = useContentLang();
  const name = useTargetName();
  const state = useCommentForm(lastResult);
  const errors = useLocalErrors(state.errors);
  const base = `${consultationHref(data.consultation.slug)}/comments`;
  const author = data.comment.author;
  // Three levels: a comment at the deepest level takes no replies.
  const replyable = data.comment.status === "visible" && data.comment.depth < MAX_DEPTH;
  return (
    <>
      <Breadcrumbs className="govuk-!-margin-top-0 govuk-!-margin-bottom-6" items={crumbs(data.consultation, t, contentLang)} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} focusKey={state.focusKey} title={t("commentPages.errorSummary")} />
          {data.flash ? <SuccessBanner>{t(FLASH[data.flash])}</SuccessBanner> : null}
          <span className="govuk-caption-l" lang={contentLang}>
            {data.consultation.title}
          </span>
          <h1 className="govuk-heading-l">
            {author
              ? rt("commentPages.comment.headingBy", {
                  name: authorName(author),
                })
              : t("commentPages.comment.heading")}
          </h1>
          <p className="govuk-body">
            {rt("commentPages.comment.on", {
              target: (
                <Link className="govuk-link" to={href(data.threadHref)}>
                  {data.target.type === "proposal" ? t("commentPages.comment.wholeProposal") : name(data, true)}
                </Link>
              ),
            })}
          </p>
          {data.ancestors.length > 0 ? (
            <>
              <h2 className="govuk-heading-s">{t("commentPages.comment.inReplyTo")}</h2>
              <ol className="app-comments" aria-label={t("commentPages.comment.earlier")}>
                {data.ancestors.map((a) => (
                  <CommentItem key={a.id} comment={a} base={base} showActions={false} />
                ))}
              </ol>
            </>
          ) : null}
          <ol className="app-comments" aria-label={t("commentPages.comment.andReplies")}>
            <CommentItem
              comment={{
                ...data.comment,
                replies: data.replies.comments,
                moreReplies: 0,
              }}
              base={base}
            />
          </ol>
          <Pagination
            page={data.replies.page}
            pages={data.replies.pages}
            label={t("commentPages.comment.repliesPages")}
            hrefFor={(n) => href(`${data.action}${n > 1 ? `?page=${n}` : ""}`)}
          />
          {data.form.mode === "closed" ? (
            <p className="govuk-body govuk-!-margin-top-6" data-testid="comments-closed">
              {data.form.closedMessage ? localMessage(data.form.closedMessage, t) : null}
            </p>
          ) : replyable ? (
            <section aria-labelledby="reply-heading" id="reply" className="govuk-!-margin-top-6">
              <h2 className="govuk-heading-m" id="reply-heading">
                {author
                  ? rt("commentPages.comment.replyTo", {
                      name: authorName(author),
                    })
                  : t("commentPages.comment.reply")}
              </h2>
              <CommentForm
                state={state}
                mode={data.form.mode}
                action={data.action}
                label={t("commentPages.comment.yourReply")}
                submitText={t("commentPages.comment.postReply")}
                councilName={data.form.councilName}
                signInHref={data.form.signInHref}
                profileHref={data.form.profileHref}
                postingAs={data.form.postingAs}
              />
            </section>
          ) : data.comment.status === "visible" ? (
            <p className="govuk-body">{t("commentPages.comment.tooDeep")}</p>
          ) : null}
          <p className="govuk-body">
            <Link className="govuk-link" to={href(data.threadHref)}>
              {t("commentPages.comment.seeConversation")}
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}
