/** 10. Staff and unions affected: named groups and unions, or an explicit "no staff are affected". */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { asc, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { Checkboxes } from "~/components/form-fields";
import { saveStakeholders } from "~/proposals/editing.server";
import { EMPLOYMENT_FIELDS } from "~/proposals/sections/employment";
import { employmentPath, nextPath, proposalPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing, requireEditingToSave, runSectionAction } from "~/proposals/sections/route.server";
import { stakeholdersDefaults, stakeholdersSchema } from "~/proposals/sections/stakeholders";

const TITLE = "Staff and unions affected";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE, { error: data?.formError }) }];

function choices() {
  const database = db();
  const groups = database
    .select({ id: t.staffGroups.id, name: t.staffGroups.name, headCount: t.staffGroups.headCount, serviceId: t.staffGroups.serviceId, serviceName: t.services.name })
    .from(t.staffGroups)
    .innerJoin(t.services, eq(t.services.id, t.staffGroups.serviceId))
    .orderBy(asc(t.services.name), asc(t.staffGroups.name))
    .all();
  const unions = database.select({ id: t.unions.id, name: t.unions.name }).from(t.unions).orderBy(asc(t.unions.name)).all();
  return { groups, unions };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const { groups, unions } = choices();
  // The proposal's own service first: most changes affect the staff who provide it.
  const ordered = [...groups.filter((g) => g.serviceId === e.proposal.serviceId), ...groups.filter((g) => g.serviceId !== e.proposal.serviceId)];
  return {
    // What redundancy and transfer need is asked on the next page.
    ...pageBasics(e, context, "stakeholders", (u) => !(EMPLOYMENT_FIELDS as readonly string[]).includes(u.field ?? "")),
    defaults: stakeholdersDefaults(e.proposal),
    groups: ordered.map((g) => ({ value: String(g.id), label: `${g.name} (${g.serviceName})`, hint: `${g.headCount} staff` })),
    unions: unions.map((u) => ({ value: String(u.id), label: u.name })),
    posts: e.proposal.postsAffected ?? 0,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  const { groups, unions } = choices();
  return runSectionAction(e, await request.formData(), context, {
    section: "stakeholders",
    schema: (mode) => stakeholdersSchema(mode, { staffGroupIds: groups.map((g) => g.id), unionIds: unions.map((u) => u.id) }),
    save: (input, value) => saveStakeholders(e.viewer, e.proposal.id, input, value),
    // Posts affected: what the law requires the unions to be told comes next.
    next: () => ((e.proposal.postsAffected ?? 0) > 0 ? employmentPath(e.proposal.id) : nextPath(e.proposal.id, "stakeholders")),
  });
}

export default function StakeholdersPage() {
  const { proposal, revision, isPublicEdit, needs, defaults, groups, unions, posts } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "stakeholders-form", defaults, reply, revision, firstField: "staffGroups" });
  return (
    <SectionFormPage formId="stakeholders-form" state={state} needs={needs} caption={proposal.title} heading={TITLE} backHref={proposalPath(proposal.id)} isPublicEdit={isPublicEdit} closesOn={proposal.closesOn}>
      <p className="govuk-body">The recognised unions get confidential notice before the consultation opens, and the staff groups are told when it opens.</p>
      <Checkboxes id="staffGroups" name="staffGroups" legend="Which staff groups are affected?" legendSize="m" hint="Select all that apply." options={groups} defaultValue={state.list("staffGroups")} error={state.error("staffGroups")} small />
      <Checkboxes id="unions" name="unions" legend="Which recognised unions should be given notice?" legendSize="m" hint="Select all that apply." options={unions} defaultValue={state.list("unions")} error={state.error("unions")} small />
      <Checkboxes
        id="noStaffAffected"
        name="noStaffAffected"
        legend="If no staff are affected"
        legendSize="m"
        options={[{ value: "on", label: "No staff are affected by this proposal", hint: "The public page will say so, and no union notice is sent." }]}
        defaultValue={state.list("noStaffAffected")}
        error={state.error("noStaffAffected")}
      />
      {posts > 0 ? <p className="govuk-body">{posts} posts are affected: the next page asks about redundancies and any transfer of staff to another employer.</p> : null}
    </SectionFormPage>
  );
}
