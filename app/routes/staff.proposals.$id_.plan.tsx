/** 9. Consultation plan: the dates, how to respond, other formats and events. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { DateInput } from "~/components/form-fields";
import { MarkdownField } from "~/components/WritingHelp";
import { saveFields } from "~/proposals/editing.server";
import { nextPath, proposalPath } from "~/proposals/sections/pages";
import { planColumns, planDefaults, planSchema } from "~/proposals/sections/plan";
import { pageBasics, requireEditing, requireEditingToSave, runSectionAction } from "~/proposals/sections/route.server";

const TITLE = "Consultation plan";
const MARKDOWN = ["shortPeriodReason", "preElectionReason", "howToRespond", "alternativeFormats", "events"] as const;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE, { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  return {
    ...pageBasics(e, context, "plan"),
    defaults: planDefaults(e.proposal),
    opensOn: e.proposal.opensOn,
    weeks: e.settings.plan,
    // Only the periods still to come matter to a plan.
    elections: e.settings.preElectionPeriods.filter((p) => p.endsOn >= e.today),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  return runSectionAction(e, await request.formData(), context, {
    section: "plan",
    schema: (mode) => planSchema(mode, { today: e.today, isOpen: e.mode === "public", closesOn: e.proposal.closesOn }),
    markdownFields: MARKDOWN,
    save: (input, value) => saveFields(e.viewer, e.proposal.id, input, "plan", planColumns(value, e.mode === "public")),
    next: () => nextPath(e.proposal.id, "plan"),
  });
}

export default function PlanPage() {
  const { proposal, revision, isPublicEdit, needs, defaults, opensOn, weeks, elections } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "plan-form", defaults, reply, revision, firstField: isPublicEdit ? "closesOn-day" : "opensOn-day" });
  const preview = (name: string) => (state.preview?.field === name ? state.preview.html : undefined);
  return (
    <SectionFormPage formId="plan-form" state={state} needs={needs} caption={proposal.title} heading={TITLE} backHref={proposalPath(proposal.id)} isPublicEdit={isPublicEdit} closesOn={proposal.closesOn}>
      <p className="govuk-body">
        A consultation runs for {weeks.defaultWeeks} weeks unless there is a good reason, and never less than {weeks.minimumWeeks} weeks. A shorter one needs a reason, which is published.
      </p>
      {isPublicEdit ? null : (
        <p className="govuk-body">
          The time between the two dates is what the approver approves. If the consultation opens later than planned (a late approval, the unions&apos; notice period, union feedback
          still to answer), the closing date moves with it so that the public still gets the full length.
        </p>
      )}
      {isPublicEdit ? (
        <p className="govuk-body">The consultation opened on {formatDate(opensOn)}.</p>
      ) : (
        <DateInput id="opensOn" name="opensOn" legend="Opening date" legendSize="m" hint="For example, 5 1 2027. It opens at the start of that day, once the unions' notice period is over." defaultValue={state.date("opensOn")} error={state.error("opensOn")} />
      )}
      <DateInput id="closesOn" name="closesOn" legend="Closing date" legendSize="m" hint="Responses are taken until the end of that day." defaultValue={state.date("closesOn")} error={state.error("closesOn")} />
      <MarkdownField name="shortPeriodReason" label={`Why it runs for less than ${weeks.defaultWeeks} weeks (optional)`} hint="Only if it does. The reason is published." rows={3} defaultValue={state.text("shortPeriodReason")} error={state.error("shortPeriodReason")} previewHtml={preview("shortPeriodReason")} />
      {elections.length || state.text("preElectionReason") ? (
        <MarkdownField
          name="preElectionReason"
          label="Why it must run during a pre-election period (optional)"
          hint={`Only if it does. The council avoids consulting in pre-election periods${elections.length ? `: ${elections.map((e) => `${e.name}, ${formatDate(e.startsOn)} to ${formatDate(e.endsOn)}`).join("; ")}` : ""}. The reason is published.`}
          rows={3}
          defaultValue={state.text("preElectionReason")}
          error={state.error("preElectionReason")}
          previewHtml={preview("preElectionReason")}
        />
      ) : null}
      <MarkdownField name="howToRespond" label="How people can respond" hint="Online, by email, by post, by phone: give the addresses and numbers." rows={4} defaultValue={state.text("howToRespond")} error={state.error("howToRespond")} previewHtml={preview("howToRespond")} />
      <MarkdownField name="alternativeFormats" label="Other formats and help to respond" hint="Easy Read, large print, audio, other languages, and who to ask for help." rows={3} defaultValue={state.text("alternativeFormats")} error={state.error("alternativeFormats")} previewHtml={preview("alternativeFormats")} />
      <MarkdownField name="events" label="Events (optional)" hint="Drop-in sessions and meetings: dates, times and places." rows={3} defaultValue={state.text("events")} error={state.error("events")} previewHtml={preview("events")} />
    </SectionFormPage>
  );
}
