/** The outcome report: who responded and how, in words, beside the counts the page shows. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { saveOutcomeText } from "~/outcomes/outcome.server";
import { partBasics, requireDraftingPage, runOutcomeForm } from "~/outcomes/pages.server";
import { outcomePath } from "~/outcomes/paths";
import { OUTCOME_TEXT_FIELDS, outcomeTextSchema } from "~/outcomes/schemas";
import { TextPartPage } from "~/outcomes/TextPartPage";
import { responsesOverview } from "~/responses/reading.server";
import { responsesSentence } from "~/responses/ResponseCounts";

const FIELD = "responseSummary";
const F = OUTCOME_TEXT_FIELDS[FIELD];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = await requireDraftingPage(request, params);
  const o = responsesOverview(page.proposal.id, { channel: null, respondingAs: null });
  return {
    ...partBasics(page, context, (u) => u.part === "summary"),
    defaults: { [FIELD]: page.outcome?.responseSummary ?? "" },
    counts: `${responsesSentence({ ...o.byChannel, total: o.total })} ${o.byRespondingAs.organisation} from organisations, ${o.byRespondingAs.councillor} from councillors. ${o.comments.total} comments from residents.`,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const page = await requireDraftingPage(request, params, { saving: true });
  return runOutcomeForm(page, await request.formData(), context, {
    schema: (mode) => outcomeTextSchema(FIELD, mode),
    save: (revision, value) => saveOutcomeText(page.viewer, page.proposal.id, revision, FIELD, value[FIELD] ?? null),
    next: outcomePath(page.proposal.id, "themes"),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${F.label} – Outcome report – ${data.proposal.title}` : F.label, { error: data?.formError }) }];

export default function OutcomeSummary() {
  const d = useLoaderData<typeof loader>();
  return (
    <TextPartPage
      field={FIELD}
      title={F.label}
      hint="Who responded (residents, organisations, councillors, staff), how (online, on paper, at events), and anything notable about who did or did not take part. The counts are shown with it."
      minWords={F.minWords}
      defaults={d.defaults}
      reply={useActionData<typeof action>()}
      revision={d.revision}
      needs={d.needs}
      proposal={d.proposal}
      intro={<p className="govuk-inset-text" data-testid="counts">{d.counts}</p>}
    />
  );
}
