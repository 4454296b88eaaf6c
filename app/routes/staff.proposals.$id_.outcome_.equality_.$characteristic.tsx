/**
 * The outcome report: re-rate one equality row with what the consultation taught the council,
 * under the assessment's own rules (a negative rating needs a mitigation or a justification, an
 * unknown one a way to find out). Or keep it as consulted on.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { RatingTag } from "~/components/EqualityGrid";
import { Radios, Textarea } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { equalityCharacteristics } from "~/lib/settings";
import { equalityRevisions, saveEqualityRevision } from "~/outcomes/outcome.server";
import { partBasics, requireDraftingPage, runOutcomeForm, type OutcomePage } from "~/outcomes/pages.server";
import { outcomePath } from "~/outcomes/paths";
import { equalityRevisionSchema } from "~/outcomes/schemas";
import { notFound } from "~/proposals/proposals.server";
import { EQUALITY_RATINGS, RATING_LABELS } from "~/proposals/sections/equality";
import { revisionField } from "~/proposals/sections/fields";

function rowOf(page: OutcomePage, key: string | undefined) {
  const c = equalityCharacteristics(page.settings).find((x) => x.key === key);
  const row = c ? page.proposal.equalityRows.find((r) => r.characteristic === c.key) : undefined;
  if (!c || !row) throw notFound();
  return { ...c, row };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = await requireDraftingPage(request, params);
  const c = rowOf(page, params.characteristic);
  const revised = equalityRevisions(page.proposal.id).find((r) => r.characteristic === c.key) ?? null;
  return {
    ...partBasics(page, context, (u) => u.characteristic === c.key),
    key: c.key,
    label: c.label,
    before: { rating: c.row.rating, evidence: c.row.evidence },
    revised: revised != null,
    defaults: {
      rating: revised?.rating ?? "",
      evidence: revised?.evidence ?? "",
      justification: revised?.justification ?? "",
      evidenceAction: revised?.evidenceAction ?? "",
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const page = await requireDraftingPage(request, params, { saving: true });
  const c = rowOf(page, params.characteristic);
  const formData = await request.formData();
  if (formData.get("intent") === "keep") {
    const revision = revisionField.safeParse(formData.get("revision"));
    const result = revision.success ? saveEqualityRevision(page.viewer, page.proposal.id, c.key, revision.data, null) : { ok: false as const, status: 400 as const, message: "Reload the page and try again" };
    if (!result.ok) throw new Response(result.message, { status: result.status });
    return redirect(outcomePath(page.proposal.id, "equality"));
  }
  return runOutcomeForm(page, formData, context, {
    schema: () => equalityRevisionSchema(c.label),
    save: (revision, value) =>
      saveEqualityRevision(page.viewer, page.proposal.id, c.key, revision, { rating: value.rating, evidence: value.evidence, justification: value.justification, evidenceAction: value.evidenceAction }),
    next: outcomePath(page.proposal.id, "equality"),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Re-rate ${data.label} – Outcome report – ${data.proposal.title}` : "Re-rate", { error: data?.formError }) }];

export default function ReRate() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "rerate-form", defaults: d.defaults, reply, revision: d.revision, firstField: "rating" });
  return (
    <SectionFormPage
      formId="rerate-form"
      state={state}
      needs={d.needs}
      caption={`Outcome report: ${d.proposal.title}`}
      backHref={outcomePath(d.proposal.id, "equality")}
      backText="Back to the equality impact"
      isPublicEdit={false}
      saveLater={false}
      intro={
        <div className="govuk-inset-text">
          <p className="govuk-body govuk-!-margin-bottom-2">
            As consulted on: <RatingTag rating={d.before.rating} />
          </p>
          <p className="govuk-body govuk-!-margin-bottom-0">{d.before.evidence}</p>
        </div>
      }
      after={
        d.revised ? (
          <Form method="post">
            <input type="hidden" name="intent" value="keep" />
            <input type="hidden" name="revision" value={state.revision} />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Keep the rating as consulted on
            </button>
          </Form>
        ) : null
      }
    >
      <Radios
        id="rating"
        name="rating"
        legend={`What is the impact on ${d.label} now?`}
        legendSize="l"
        isPageHeading
        options={EQUALITY_RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r].label, hint: RATING_LABELS[r].hint }))}
        defaultValue={state.text("rating")}
        error={state.error("rating")}
      />
      <Textarea id="evidence" name="evidence" label="What is the evidence now?" labelSize="m" hint="What people told you, and anything you found out since, about this characteristic." rows={4} defaultValue={state.text("evidence")} error={state.error("evidence")} />
      <Textarea id="justification" name="justification" label="If the impact is negative and no mitigation addresses it, why is it justified?" labelSize="m" rows={3} defaultValue={state.text("justification")} error={state.error("justification")} />
      <Textarea id="evidenceAction" name="evidenceAction" label="If the impact is unknown, how will the evidence be gathered?" labelSize="m" rows={3} defaultValue={state.text("evidenceAction")} error={state.error("evidenceAction")} />
    </SectionFormPage>
  );
}
