/** The outcome report: what happens next (who decides, when, and how people will hear). */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { saveOutcomeText } from "~/outcomes/outcome.server";
import { partBasics, requireDraftingPage, runOutcomeForm } from "~/outcomes/pages.server";
import { outcomePath } from "~/outcomes/paths";
import { OUTCOME_TEXT_FIELDS, outcomeTextSchema } from "~/outcomes/schemas";
import { TextPartPage } from "~/outcomes/TextPartPage";

const FIELD = "whatHappensNext";
const F = OUTCOME_TEXT_FIELDS[FIELD];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = await requireDraftingPage(request, params);
  return { ...partBasics(page, context, (u) => u.part === "next"), defaults: { [FIELD]: page.outcome?.whatHappensNext ?? "" } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const page = await requireDraftingPage(request, params, { saving: true });
  return runOutcomeForm(page, await request.formData(), context, {
    schema: (mode) => outcomeTextSchema(FIELD, mode),
    save: (revision, value) => saveOutcomeText(page.viewer, page.proposal.id, revision, FIELD, value[FIELD] ?? null),
    next: outcomePath(page.proposal.id),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${F.label} – Outcome report – ${data.proposal.title}` : F.label, { error: data?.formError }) }];

export default function OutcomeNext() {
  const d = useLoaderData<typeof loader>();
  return (
    <TextPartPage
      field={FIELD}
      title={F.label}
      hint="Who will make the decision and when (the meeting, or the delegated decision), what they will be asked to decide, and when any change would start."
      minWords={F.minWords}
      defaults={d.defaults}
      reply={useActionData<typeof action>()}
      revision={d.revision}
      needs={d.needs}
      proposal={d.proposal}
    />
  );
}
