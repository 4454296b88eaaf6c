/**
 * The comments section at the foot of a consultation page: the newest comments on the whole
 * proposal, a link to all of them and to the council's official answers, and the form.
 * Comments on single risks and other rows are linked from their tables above.
 */
import { Link } from "@remix-run/react";
import { CommentList } from "./CommentThread";
import { CommentForm, useCommentForm } from "./forms";
import type { ConsultationResponses } from "./thread-page.server";

export function ConsultationComments({ slug, responses: r }: { slug: string; responses: ConsultationResponses }) {
  const state = useCommentForm(undefined);
  const base = `/consultations/${encodeURIComponent(slug)}/comments`;
  const n = r.proposalCommentCount;
  const closed = r.form.mode === "closed";
  return (
    <section className="app-section" id="comments" aria-labelledby="comments-heading">
      <h2 className="govuk-heading-l" id="comments-heading">
        Comments on the proposal
      </h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            {n === 0 ? "No comments on the proposal as a whole yet." : n === 1 ? "1 comment on the proposal as a whole." : `${n.toLocaleString("en-GB")} comments on the proposal as a whole.`}
            {closed ? null : " You can also comment on a single risk, service affected, mitigation or equality impact: follow the links under each table."}
          </p>
          {r.officialCount > 0 ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={`${base}?show=official`}>
                Read the council’s official answers ({r.officialCount})
              </Link>
            </p>
          ) : null}
          {r.preview.comments.length > 0 ? (
            <>
              <h3 className="govuk-heading-m">Newest comments</h3>
              <CommentList comments={r.preview.comments} base={base} label="Newest comments on the proposal" />
            </>
          ) : null}
          {n > 0 ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={base}>
                Read all {n === 1 ? "the comments" : `${n.toLocaleString("en-GB")} comments`} on the proposal
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
                Add a comment
              </h3>
              <CommentForm
                state={state}
                mode={r.form.mode}
                action={base}
                label="Your comment on the proposal"
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
