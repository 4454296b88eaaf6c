/**
 * The outcome report: the equality impact, revisited (Bracking: the duty continues after the
 * consultation). What the responses told the council, and any rating to change with new evidence.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RatingTag } from "~/components/EqualityGrid";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { MarkdownField } from "~/components/WritingHelp";
import { equalityCharacteristics } from "~/lib/settings";
import { equalityRevisions, saveOutcomeText } from "~/outcomes/outcome.server";
import { partBasics, requireDraftingPage, runOutcomeForm } from "~/outcomes/pages.server";
import { outcomePath } from "~/outcomes/paths";
import { OUTCOME_TEXT_FIELDS, outcomeTextSchema } from "~/outcomes/schemas";

const FIELD = "equalitySummary";
const F = OUTCOME_TEXT_FIELDS[FIELD];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = await requireDraftingPage(request, params);
  const revised = new Map(equalityRevisions(page.proposal.id).map((r) => [r.characteristic, r]));
  const order = equalityCharacteristics(page.settings);
  return {
    ...partBasics(page, context, (u) => u.part === "equality"),
    defaults: { [FIELD]: page.outcome?.equalitySummary ?? "" },
    rows: order
      .map((c) => ({ c, row: page.proposal.equalityRows.find((r) => r.characteristic === c.key) }))
      .filter((x) => x.row)
      .map(({ c, row }) => ({ key: c.key, label: c.label, rating: row!.rating, revised: revised.get(c.key)?.rating ?? null })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const page = await requireDraftingPage(request, params, { saving: true });
  return runOutcomeForm(page, await request.formData(), context, {
    schema: (mode) => outcomeTextSchema(FIELD, mode),
    save: (revision, value) => saveOutcomeText(page.viewer, page.proposal.id, revision, FIELD, value[FIELD] ?? null),
    next: outcomePath(page.proposal.id, "next"),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `The equality impact, revisited – Outcome report – ${data.proposal.title}` : "Equality", { error: data?.formError }) }];

export default function OutcomeEquality() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "equality-summary-form", defaults: d.defaults, reply, revision: d.revision, firstField: FIELD });
  return (
    <SectionFormPage
      formId="equality-summary-form"
      state={state}
      needs={d.needs}
      caption={`Outcome report: ${d.proposal.title}`}
      heading="The equality impact, revisited"
      backHref={outcomePath(d.proposal.id)}
      backText="Back to the outcome report"
      isPublicEdit={false}
      intro={
        <>
          <p className="govuk-body">
            The equality duty continues after the consultation. Say what the responses told the council about the impact on people with protected characteristics, and re-rate any row the evidence
            has changed. The public page shows each changed row before and after.
          </p>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">The assessment, row by row</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Characteristic
                </th>
                <th scope="col" className="govuk-table__header">
                  As consulted on
                </th>
                <th scope="col" className="govuk-table__header">
                  Now
                </th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {d.rows.map((r) => (
                <tr key={r.key} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    {r.label}
                  </th>
                  <td className="govuk-table__cell">
                    <RatingTag rating={r.rating} />
                  </td>
                  <td className="govuk-table__cell">{r.revised ? <RatingTag rating={r.revised} /> : <span className="app-not-provided">Unchanged</span>}</td>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={outcomePath(d.proposal.id, `equality/${r.key}`)}>
                      Re-rate<span className="govuk-visually-hidden"> {r.label}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      }
    >
      <MarkdownField
        name={FIELD}
        label={F.label}
        labelSize="m"
        hint="What people said about the effect on particular groups, what you found out, and what the council will do."
        defaultValue={state.text(FIELD)}
        error={state.error(FIELD)}
        rows={6}
        help={{ words: { min: F.minWords, scaled: false } }}
        previewHtml={state.preview?.field === FIELD ? state.preview.html : undefined}
      />
    </SectionFormPage>
  );
}
