/** The outcome report: what happens next (who decides, when, and how people will hear). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { outcomePath, textPart } from "~/outcomes/pages.server";
import { OUTCOME_TEXT_FIELDS } from "~/outcomes/schemas";
import { TextPartPage, textPartTitle } from "~/outcomes/TextPartPage";

const FIELD = "whatHappensNext";
const F = OUTCOME_TEXT_FIELDS[FIELD];
const part = textPart(FIELD, "next", (id) => outcomePath(id));

export async function loader(args: LoaderFunctionArgs) {
  return (await part.load(args)).basics;
}

export const action = part.action;

export const meta = textPartTitle(F.label);

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
