/**
 * The comments section at the foot of a consultation page: the newest comments on the whole
 * proposal, a link to all of them and to the council's official answers, and the form.
 * Comments on single risks and other rows are linked from their tables above.
 */
import { Link } from "@remix-run/react";
import { CommentList } from "./CommentThread";
import { CommentForm, useCommentForm } from "./forms";
import type { ConsultationResponses } from "./thread-page.server";
import { useLocalHref, useTranslation } from "~/i18n/react";
import { useErrorTitle } from "~/components/ErrorSummary";

export function ConsultationComments({ slug, responses: r }: { slug: string; responses: ConsultationResponses }) {
  const state = useCommentForm(undefined);
  // An empty comment is refused here, beside the field, with no error summary on this page.
  useErrorTitle(state.errors.length > 0);
  const base = `/consultations/${encodeURIComponent(slug)}/comments`;
  const n = r.proposalCommentCount;
  const closed = r.form.mode === "closed";
  const { t } = useTranslation();
  const href = useLocalHref();
  return (
    <section className="app-section" id="comments" aria-labelledby="comments-heading">
      <h2 className="govuk-heading-l" id="comments-heading">
        {t("comments.heading")}
      </h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            {n === 0 ? t("comments.none") : t("comments.count", { count: n })}
            {closed ? null : ` ${t("comments.alsoRows")}`}
          </p>
          {r.officialCount > 0 ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={href(`${base}?show=official`)}>
                {t("comments.official", { n: r.officialCount })}
              </Link>
            </p>
          ) : null}
          {r.preview.comments.length > 0 ? (
            <>
              <h3 className="govuk-heading-m">{t("comments.newest")}</h3>
              <CommentList comments={r.preview.comments} base={base} label={t("comments.newestLabel")} />
            </>
          ) : null}
          {n > 0 ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={href(base)}>
                {t("comments.readAll", { count: n })}
              </Link>
            </p>
          ) : null}
          {closed ? (
            // Closed or withdrawn: nothing here invites a comment, only the reason why not.
            <p className="govuk-body" data-testid="comments-closed">
              {r.form.closedMessage}
            </p>
          ) : (
            <>
              <h3 className="govuk-heading-m" id="add-comment">
                {t("comments.add")}
              </h3>
              <CommentForm
                state={state}
                mode={r.form.mode}
                action={base}
                label={t("comments.yourComment")}
                councilName={r.form.councilName}
                signInHref={r.form.signInHref}
                profileHref={r.form.profileHref}
                postingAs={r.form.postingAs}
              />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
