/** 3. Impact figures: posts, FTE, the service's workforce, people and activity affected, money. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { Radios, TextInput } from "~/components/form-fields";
import { saveFields } from "~/proposals/editing.server";
import { impactDefaults, impactSchema } from "~/proposals/sections/impact";
import { nextPath, proposalPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing, requireEditingToSave, runSectionAction } from "~/proposals/sections/route.server";

const TITLE = "Impact figures";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE, { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const service = db().select({ posts: t.services.workforcePosts }).from(t.services).where(eq(t.services.id, e.proposal.serviceId)).get();
  return { ...pageBasics(e, context, "impact"), defaults: impactDefaults(e.proposal, service?.posts ?? null), serviceName: e.proposal.serviceName };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  return runSectionAction(e, await request.formData(), context, {
    section: "impact",
    schema: impactSchema,
    save: (input, value) => saveFields(e.viewer, e.proposal.id, input, "impact", value),
    next: () => nextPath(e.proposal.id, "impact"),
  });
}

export default function ImpactPage() {
  const { proposal, revision, isPublicEdit, needs, defaults, serviceName } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "impact-form", defaults, reply, revision, firstField: "postsAffected" });
  const number = (name: string, label: string, hint: string, suffix?: string, width: "4" | "5" | "10" = "5") => (
    <TextInput id={name} name={name} label={label} labelSize="s" hint={hint} inputMode="decimal" spellCheck={false} width={width} suffix={suffix} defaultValue={state.text(name)} error={state.error(name)} />
  );
  return (
    <SectionFormPage
      formId="impact-form"
      state={state} needs={needs}
      caption={proposal.title}
      heading={TITLE}
      backHref={proposalPath(proposal.id)}
      isPublicEdit={isPublicEdit}
      closesOn={proposal.closesOn}
      intro={<p className="govuk-body">Give each figure, even when it is 0. The public page shows them together so people can see the size of the change.</p>}
    >
      <h2 className="govuk-heading-m">Staff</h2>
      {number("postsAffected", "Staff posts affected", "Count posts, filled or vacant. Enter 0 if none.", "posts")}
      {number("fteAffected", "Full-time equivalent (FTE) of those posts", "For example, 11.4. Enter 0 if none.", "FTE")}
      {number("serviceWorkforcePosts", `Posts in the whole service (${serviceName})`, "So the posts affected can be shown as a share of the workforce.", "posts")}
      <h2 className="govuk-heading-m">People and activity</h2>
      {number("serviceUsersPerYear", "Service users affected a year", "Enter 0 if none.", "people", "10")}
      <TextInput id="activityDescription" name="activityDescription" label="The activity affected" labelSize="s" hint="For example, child mental-health assessments." defaultValue={state.text("activityDescription")} error={state.error("activityDescription")} />
      {number("activityPerYear", "How much of that activity a year", "For example, 450. Enter 0 if none.", "a year", "10")}
      <h2 className="govuk-heading-m">Money</h2>
      <Radios
        id="budgetDirection"
        name="budgetDirection"
        legend="Would the change save money or cost more each year?"
        legendSize="s"
        options={[
          { value: "saving", label: "It would save money" },
          { value: "increase", label: "It would cost more" },
          { value: "none", label: "No difference" },
        ]}
        defaultValue={state.text("budgetDirection")}
        error={state.error("budgetDirection")}
      />
      <TextInput id="budgetAmount" name="budgetAmount" label="Amount a year (if it saves or costs money)" labelSize="s" hint="In pounds, for example 540,000." inputMode="numeric" spellCheck={false} prefix="£" width="10" defaultValue={state.text("budgetAmount")} error={state.error("budgetAmount")} />
    </SectionFormPage>
  );
}
