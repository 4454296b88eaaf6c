/**
 * Challenge a fact published in an open consultation: a resident (signed in by email link), or
 * a union representative (signed in as themselves, shown with their union). Staff of the
 * affected service use the link they were emailed instead (…/challenge/staff/:token), which
 * asks nothing about who they are. A proposal that is not public is the same 404 as a missing
 * slug, for everyone.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { ChallengeForm } from "~/challenges/ChallengeForm";
import { challengeFormPage, challengeReply, requireChallengeable, challengerFor } from "~/challenges/page.server";
import { challengeSchema } from "~/challenges/schemas";
import { createChallenge } from "~/challenges/challenges.server";
import { pageTitle } from "~/components/page-title";
import { addressFrom } from "~/responses/rate-limit.server";
import { HONEYPOT_FIELD } from "~/responses/schemas";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Challenge a fact – ${data.title}` : "Challenge a fact") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const proposal = await requireChallengeable(request, params.slug);
  const challenger = await challengerFor(request, proposal);
  if (challenger.kind === "redirect") throw redirect(challenger.to);
  return { ...challengeFormPage(proposal, new URL(request.url).searchParams.get("claim")), as: challenger.kind === "refused" ? null : challenger.label, refused: challenger.kind === "refused" ? challenger.message : null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const proposal = await requireChallengeable(request, params.slug);
  const challenger = await challengerFor(request, proposal);
  if (challenger.kind === "redirect") throw redirect(challenger.to);
  if (challenger.kind === "refused") throw new Response(challenger.message, { status: 403 });
  const submission = parseWithZod(await request.formData(), { schema: challengeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const base = `/consultations/${encodeURIComponent(proposal.slug)}`;
  if (submission.value[HONEYPOT_FIELD]) throw redirect(`${base}?challenge=made#challenges`);
  const result = createChallenge(proposal, challenger.author, submission.value, addressFrom(context));
  if (!result.ok) return challengeReply(submission, result);
  throw redirect(result.status === "pending" ? `${base}?challenge=held#challenges` : `${base}?challenge=made#challenge-${result.id}`);
}

export default function Challenge() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={page.back} className="govuk-back-link">
          Back to the consultation
        </Link>
        <span className="govuk-caption-l">{page.title}</span>
        <h1 className="govuk-heading-l">Challenge a fact</h1>
        <p className="govuk-body">
          If you think a figure, a risk, an equality finding or a statement in this consultation is wrong, say which, why, and what your evidence is. Your challenge is published on the
          consultation&apos;s page, and the council must answer it in public within {page.workingDays} working days: by correcting it, or by explaining why it stands.
        </p>
        {!page.accepting ? (
          <p className="govuk-body">This consultation has closed, so its facts can no longer be challenged here.</p>
        ) : page.refused ? (
          <p className="govuk-body">{page.refused}</p>
        ) : (
          <>
            <p className="govuk-body">
              You are challenging as <strong>{page.as}</strong>. Follow the{" "}
              <Link className="govuk-link" to="/house-rules">
                house rules
              </Link>
              : write in plain words, and do not include anyone&apos;s personal details.
            </p>
            <ChallengeForm claims={page.claims} chosen={page.chosen} lastResult={lastResult} staff={false} />
          </>
        )}
      </div>
    </div>
  );
}
