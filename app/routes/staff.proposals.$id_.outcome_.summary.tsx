/** The outcome report: who responded and how, in words, beside the counts the page shows. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { outcomePath, textPart } from "~/outcomes/pages.server";
import { OUTCOME_TEXT_FIELDS } from "~/outcomes/schemas";
import { TextPartPage, textPartTitle } from "~/outcomes/TextPartPage";
import { responsesOverview } from "~/responses/reading.server";
import { responsesSentence } from "~/responses/ResponseCounts";

const FIELD = "responseSummary";
const F = OUTCOME_TEXT_FIELDS[FIELD];
const part = textPart(FIELD, "summary", (id) => outcomePath(id, "themes"));

export async function loader(args: LoaderFunctionArgs) {
  const { page, basics } = await part.load(args);
  const o = responsesOverview(page.proposal.id, { channel: null, respondingAs: null });
  return {
    ...basics,
    counts: `${responsesSentence({ ...o.byChannel, total: o.total })} ${o.byRespondingAs.organisation} from organisations, ${o.byRespondingAs.councillor} from councillors. ${o.comments.total} comments from residents.`,
  };
}

export const action = part.action;

export const meta = textPartTitle(F.label);

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
