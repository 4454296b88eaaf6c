/**
 * One challenge for staff: officers of the service running the consultation answer it for the
 * council (corrected, naming the published version that made the correction, or why it
 * stands); moderators hide it under a house rule, publish one held for moderation, or restore.
 * Nothing here says who made it beyond what the public page shows.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { ChallengeItem } from "~/challenges/ChallengeList";
import { answerChallenge, moderateChallenge, staffChallenge } from "~/challenges/challenges.server";
import { ANSWER_MIN_WORDS } from "~/challenges/rules";
import { answerSchema } from "~/challenges/schemas";
import { ErrorSummary } from "~/components/ErrorSummary";
import { formatDateTime } from "~/components/format";
import { Radios, Select, Textarea, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { SuccessBanner } from "~/components/SuccessBanner";
import { notFound } from "~/proposals/proposals.server";
import { sectionPath } from "~/proposals/sections/pages";
import { ruleChoices, ruleTitle } from "~/responses/house-rules.server";

const idParam = z.coerce.number().int().positive().max(1e12);

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: pageTitle(matches, "Challenge to the facts – Staff area") }];

async function requireChallenge(request: Request, id: string | undefined) {
  const viewer = await requirePermission(request, "proposal:view-staff");
  const parsed = idParam.safeParse(id);
  if (!parsed.success) throw notFound();
  const challenge = staffChallenge(viewer, parsed.data);
  if (!challenge) throw notFound();
  return { viewer, challenge };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { challenge } = await requireChallenge(request, params.id);
  return { challenge, rules: ruleChoices(), ruleTitle: challenge.moderationRule ? ruleTitle(challenge.moderationRule) : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, challenge } = await requireChallenge(request, params.id);
  const formData = await request.formData();
  const back = `/staff/challenges/${challenge.id}`;
  const intent = formData.get("intent");
  if (intent === "hide" || intent === "approve" || intent === "restore") {
    const result = moderateChallenge(viewer, challenge.id, { intent, rule: formData.get("rule") }, ruleChoices());
    if (!result.ok) return data({ answer: null, moderation: result.message }, { status: result.status });
    return redirect(`${back}?done=${intent}`);
  }
  if (!challenge.answersForCouncil) throw new Response("Only officers of the service running this consultation can answer for the council", { status: 403 });
  const submission = parseWithZod(formData, { schema: answerSchema });
  if (submission.status !== "success") return data({ answer: submission.reply(), moderation: null }, { status: 400 });
  const result = answerChallenge(viewer, challenge.id, { answerKind: submission.value.answerKind, answer: submission.value.answer, versionId: submission.value.versionId });
  if (!result.ok) {
    const reply = result.field ? submission.reply({ fieldErrors: { [result.field]: [result.message] } }) : submission.reply({ formErrors: [result.message] });
    return data({ answer: reply, moderation: null }, { status: result.status });
  }
  return redirect(`${back}?done=answered`);
}

const DONE: Record<string, string> = {
  answered: "Your answer has been published on the consultation's page.",
  hide: "The challenge has been hidden. The public page no longer shows it.",
  approve: "The challenge has been published.",
  restore: "The challenge has been restored.",
};

export default function StaffChallengePage() {
  const { challenge: c, rules, ruleTitle: hiddenUnder } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const [form, fields] = useForm({
    id: "answer",
    lastResult: result?.answer ?? undefined,
    shouldValidate: "onSubmit",
    defaultValue: { versionId: c.versions.at(-1) ? String(c.versions.at(-1)!.id) : "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: answerSchema }),
  });
  const errors = [
    ...(form.errors ?? []).map((message) => ({ field: fields.answer.id, message })),
    ...[fields.answerKind, fields.answer, fields.versionId].flatMap((f) => (f.errors ?? []).map((message) => ({ field: f.id, message }))),
    ...(result?.moderation ? [{ field: "moderate", message: result.moderation }] : []),
  ];
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/challenges" className="govuk-back-link">
          All challenges
        </Link>
        <ErrorSummary errors={errors} focusKey={result} />
        {done && DONE[done] ? <SuccessBanner>{DONE[done]}</SuccessBanner> : null}
        <span className="govuk-caption-l">{c.proposal.title}</span>
        <h1 className="govuk-heading-l">Challenge to the facts</h1>
        {c.status !== "visible" ? (
          <p className="govuk-body">
            <strong className="govuk-tag govuk-tag--grey">{c.status === "pending" ? "Held for moderation" : "Hidden"}</strong>
            {hiddenUnder ? ` Hidden under the house rule “${hiddenUnder}”.` : null}
          </p>
        ) : null}
        <ChallengeItem challenge={c} headingLevel={2} />
        <p className="govuk-body">
          <Link className="govuk-link" to={`/consultations/${encodeURIComponent(c.proposal.slug)}#challenge-${c.id}`}>
            See it on the consultation&apos;s page
          </Link>
        </p>

        {c.mayAnswer ? (
          <>
            <h2 className="govuk-heading-m">Answer for the council</h2>
            <p className="govuk-body">
              To correct it, first change the proposal (
              <Link className="govuk-link" to={sectionPath(c.proposal.id, "impact")}>
                the section it is in
              </Link>
              ): the change is published as a new version with its note. Then answer here, naming that version. Otherwise explain, in at least {ANSWER_MIN_WORDS} words, why it stands.
            </p>
            <Form method="post" {...formProps}>
              <Radios
                id={fields.answerKind.id}
                name={fields.answerKind.name}
                error={fields.answerKind.errors}
                legend="What is the council's answer?"
                legendSize="s"
                defaultValue={typeof fields.answerKind.initialValue === "string" ? fields.answerKind.initialValue : undefined}
                options={[
                  { value: "corrected", label: "We have corrected it" },
                  { value: "stands", label: "It stands, and this is why" },
                ]}
              />
              {c.versions.length ? (
                <Select
                  id={fields.versionId.id}
                  name={fields.versionId.name}
                  error={fields.versionId.errors}
                  label="The published version that corrects it (if corrected)"
                  labelSize="s"
                  defaultValue={typeof fields.versionId.initialValue === "string" ? fields.versionId.initialValue : undefined}
                  options={c.versions.map((v) => ({ value: String(v.id), label: `Version ${v.number}, ${formatDateTime(v.createdAt)}${v.changeNote ? `: ${v.changeNote}` : ""}` }))}
                />
              ) : (
                <p className="govuk-body" id={fields.versionId.id}>
                  The proposal has not been changed since this challenge was made.
                </p>
              )}
              <Textarea {...conformProps(fields.answer)} label="The council's answer (published)" labelSize="s" rows={6} />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Publish the answer
              </button>
            </Form>
          </>
        ) : null}

        {c.mayModerate ? (
          <section aria-labelledby="moderate">
            <h2 className="govuk-heading-m" id="moderate">
              Moderation
            </h2>
            {c.status === "pending" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="approve" />
                <button type="submit" className="govuk-button" data-module="govuk-button">
                  Publish the challenge
                </button>
              </Form>
            ) : null}
            {c.status === "hidden" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="restore" />
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Restore the challenge
                </button>
              </Form>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="hide" />
                <Select id="rule" name="rule" label="The house rule it breaks" labelSize="s" options={[{ value: "", label: "Choose a rule" }, ...rules.map((r) => ({ value: r.key, label: r.title }))]} />
                <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
                  Hide the challenge
                </button>
              </Form>
            )}
          </section>
        ) : null}
      </div>
    </div>
  );
}
