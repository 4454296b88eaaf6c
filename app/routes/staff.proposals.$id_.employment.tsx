/**
 * 10 (continued). Redundancy and transfer of staff: how many posts are proposed for redundancy,
 * where and from when (TULRCA 1992 s.188, counted with other proposals at the same
 * establishment), what the unions must be told in writing (s.188(4)(a) to (i)), the HR1
 * reminder (s.193), and any transfer to or from another employer (TUPE 2006 reg 13).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { DateInput, Radios, TextInput, Textarea } from "~/components/form-fields";
import { saveFields } from "~/proposals/editing.server";
import { AGENCY_ITEMS, S188_ITEMS, TRANSFER_LABELS, TUPE_ITEMS, collectiveConsultation, describeTotal, hr1Reminder } from "~/proposals/employment";
import { EMPLOYMENT_FIELDS, employmentDefaults, employmentSchema } from "~/proposals/sections/employment";
import { nextPath, proposalPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing, requireEditingToSave, runSectionAction } from "~/proposals/sections/route.server";
import { TRANSFER_KINDS } from "#db/schema";
import { WarningText } from "~/components/WarningText";

const TITLE = "Redundancy and transfer of staff";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE, { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const c = collectiveConsultation(e.proposal, e.settings);
  return {
    ...pageBasics(e, context, "stakeholders", (u) => (EMPLOYMENT_FIELDS as readonly string[]).includes(u.field ?? "")),
    defaults: employmentDefaults(e.proposal),
    postsAffected: e.proposal.postsAffected ?? 0,
    establishments: e.settings.establishments.map((x) => ({ value: x.key, label: x.label })),
    threshold: e.settings.union.collectiveConsultationPosts,
    collective: { applies: c.applies, total: c.total, days: c.days, sentence: c.posts > 0 ? describeTotal(c, e.settings) : null },
    hr1: hr1Reminder(e.proposal, e.settings)?.message ?? null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  return runSectionAction(e, await request.formData(), context, {
    section: "stakeholders",
    schema: (mode) => employmentSchema(mode, { establishmentKeys: e.settings.establishments.map((x) => x.key) }),
    save: (input, value) => saveFields(e.viewer, e.proposal.id, input, "stakeholders", value),
    next: () => nextPath(e.proposal.id, "stakeholders"),
  });
}

export default function EmploymentPage() {
  const { proposal, revision, isPublicEdit, needs, defaults, postsAffected, establishments, threshold, collective, hr1 } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "employment-form", defaults, reply, revision, firstField: "redundancyPosts" });
  const required = (label: string) => (collective.applies ? label : `${label} (optional)`);
  return (
    <SectionFormPage
      formId="employment-form"
      state={state}
      needs={needs}
      caption={proposal.title}
      heading={TITLE}
      backHref={proposalPath(proposal.id)}
      isPublicEdit={isPublicEdit}
      closesOn={proposal.closesOn}
      intro={<p className="govuk-body">The recognised unions must be told these things in writing before the consultation opens. This page is not published: it goes in the confidential union notice.</p>}
    >
      <h2 className="govuk-heading-m">Redundancies</h2>
      <TextInput
        id="redundancyPosts"
        name="redundancyPosts"
        label={`Of the ${postsAffected} posts affected, how many are proposed for redundancy?`}
        labelSize="s"
        hint="Count every post that would be deleted or whose holder could be dismissed, even if you hope to redeploy them. Enter 0 if none."
        inputMode="numeric"
        spellCheck={false}
        width="4"
        suffix="posts"
        defaultValue={state.text("redundancyPosts")}
        error={state.error("redundancyPosts")}
      />
      {establishments.length > 1 ? (
        <Radios
          id="establishment"
          name="establishment"
          legend="Where do the staff at risk work?"
          legendSize="s"
          hint="Redundancies proposed at the same establishment within 90 days are counted together (section 188)."
          options={establishments}
          defaultValue={state.text("establishment")}
          error={state.error("establishment")}
          small
        />
      ) : null}
      <DateInput
        id="firstDismissalOn"
        name="firstDismissalOn"
        legend="When would the first dismissal take effect?"
        legendSize="s"
        hint="The earliest date, after the consultation has closed and a decision has been made. For example, 1 9 2027."
        defaultValue={state.date("firstDismissalOn")}
        error={state.error("firstDismissalOn")}
      />
      {collective.sentence ? (
        <div className="govuk-inset-text" data-testid="collective-consultation">
          {collective.applies
            ? `${collective.sentence}: collective consultation applies (Trade Union and Labour Relations (Consolidation) Act 1992, section 188). It must begin at least ${collective.days} days before the first dismissal, and the notice must include everything below.`
            : `${collective.sentence}: below the ${threshold} at which collective consultation applies, counting other proposals at the same establishment within 90 days.`}
        </div>
      ) : null}
      {hr1 ? <WarningText testId="hr1-reminder">{hr1}</WarningText> : null}

      <h2 className="govuk-heading-m">{collective.applies ? "What the union notice must include (section 188(4))" : `If ${threshold} or more redundancies are proposed (section 188(4))`}</h2>
      {S188_ITEMS.map((item) => (
        <Textarea
          key={item.field}
          id={item.field}
          name={item.field}
          label={required(item.label)}
          labelSize="s"
          hint={`Section 188(4)${item.paragraph}.`}
          rows={4}
          defaultValue={state.text(item.field)}
          error={state.error(item.field)}
        />
      ))}

      <h2 className="govuk-heading-m">Agency workers</h2>
      <p className="govuk-body">Asked by section 188(4)(g) to (i) when collective consultation applies, and by TUPE regulation 13(2A) when staff transfer.</p>
      <TextInput
        id="agencyWorkerCount"
        name="agencyWorkerCount"
        label={`${AGENCY_ITEMS.count.label} in the parts affected`}
        labelSize="s"
        hint="Enter 0 if none."
        inputMode="numeric"
        spellCheck={false}
        width="4"
        defaultValue={state.text("agencyWorkerCount")}
        error={state.error("agencyWorkerCount")}
      />
      <Textarea id="agencyWorkerParts" name="agencyWorkerParts" label={`${AGENCY_ITEMS.parts.label} (if any)`} labelSize="s" rows={2} defaultValue={state.text("agencyWorkerParts")} error={state.error("agencyWorkerParts")} />
      <Textarea id="agencyWorkerWork" name="agencyWorkerWork" label={`${AGENCY_ITEMS.work.label} (if any)`} labelSize="s" rows={2} defaultValue={state.text("agencyWorkerWork")} error={state.error("agencyWorkerWork")} />

      <h2 className="govuk-heading-m">Transfer to or from another employer (TUPE)</h2>
      <Radios
        id="transferKind"
        name="transferKind"
        legend="Would any staff transfer to or from another employer?"
        legendSize="s"
        hint="Outsourcing, bringing a service back in house, or a service shared with another council or the NHS: the Transfer of Undertakings (Protection of Employment) Regulations 2006 apply."
        options={TRANSFER_KINDS.map((k) => ({ value: k, label: TRANSFER_LABELS[k] }))}
        defaultValue={state.text("transferKind")}
        error={state.error("transferKind")}
      />
      <DateInput id="transferOn" name="transferOn" legend="The date, or proposed date, of the transfer (if any)" legendSize="s" hint="For example, 1 4 2028." defaultValue={state.date("transferOn")} error={state.error("transferOn")} />
      {TUPE_ITEMS.map((item) => (
        <Textarea
          key={item.field}
          id={item.field}
          name={item.field}
          label={`${item.label} (if staff transfer)`}
          labelSize="s"
          hint={`Regulation 13(2)${item.paragraph}.`}
          rows={4}
          defaultValue={state.text(item.field)}
          error={state.error(item.field)}
        />
      ))}
    </SectionFormPage>
  );
}
