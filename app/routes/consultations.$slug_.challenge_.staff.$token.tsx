/**
 * Challenge a fact as a member of staff of the affected service, through the link emailed to
 * the staff groups when the consultation opened. The link is the same for all of them, and
 * using it stores nothing about who used it: no session is read, no address or email is kept,
 * and a name only if they choose to give one. A wrong link, or a proposal that is not public,
 * is the same 404 as a missing slug.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { ChallengeForm } from "~/challenges/ChallengeForm";
import { checkStaffName, createChallenge, isStaffKey } from "~/challenges/challenges.server";
import { challengeFormPage, challengeReply, requirePublicProposal } from "~/challenges/page.server";
import { staffChallengeSchema } from "~/challenges/schemas";
import { pageTitle } from "~/components/page-title";
import { notFound } from "~/proposals/proposals.server";
import { addressFrom } from "~/responses/rate-limit.server";
import { HONEYPOT_FIELD } from "~/responses/schemas";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data ? `Challenge a fact as a member of staff – ${data.title}` : "Challenge a fact") },
  { name: "robots", content: "noindex" },
];

export const headers = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });

function requireStaffLink(slug: string | undefined, token: string | undefined) {
  // Nobody's session is read here: what the staff link says is all we know.
  const proposal = requirePublicProposal(slug);
  if (!isStaffKey(proposal.id, token)) throw notFound();
  return proposal;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const proposal = requireStaffLink(params.slug, params.token);
  return challengeFormPage(proposal, new URL(request.url).searchParams.get("claim"));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const proposal = requireStaffLink(params.slug, params.token);
  const submission = parseWithZod(await request.formData(), { schema: staffChallengeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const base = `/consultations/${encodeURIComponent(proposal.slug)}`;
  if (submission.value[HONEYPOT_FIELD]) throw redirect(`${base}?challenge=made#challenges`);
  const name = checkStaffName(submission.value.showAs === "name" ? submission.value.name : "");
  if (!name.ok) return data(submission.reply({ fieldErrors: { name: [name.message] } }), { status: 400 });
  const result = createChallenge(proposal, { kind: "staff", displayName: name.name }, submission.value, addressFrom(context));
  if (!result.ok) return challengeReply(submission, result);
  throw redirect(result.status === "pending" ? `${base}?challenge=held#challenges` : `${base}?challenge=made#challenge-${result.id}`);
}

export default function StaffChallenge() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={page.back} className="govuk-back-link">
          Back to the consultation
        </Link>
        <span className="govuk-caption-l">{page.title}</span>
        <h1 className="govuk-heading-l">Challenge a fact as a member of staff</h1>
        <p className="govuk-body">
          You can challenge a figure, a risk, an equality finding or a statement in this consultation. Your challenge is published, and the council must answer it in public within{" "}
          {page.workingDays} working days.
        </p>
        <div className="govuk-inset-text">
          You can appear as “A member of staff” or under your name. The council does not record which member of staff used this link: it is the same for everyone in the staff groups
          affected, and nothing else about you is kept.
        </div>
        {page.accepting ? (
          <ChallengeForm claims={page.claims} chosen={page.chosen} lastResult={lastResult} staff />
        ) : (
          <p className="govuk-body">This consultation has closed, so its facts can no longer be challenged here.</p>
        )}
      </div>
    </div>
  );
}
