/** Start a proposal: its title, its service and the lead officer; then on to its task list. */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { requirePermission } from "~/auth/session.server";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { Select, TextInput } from "~/components/form-fields";
import { createProposal, servicesFor } from "~/proposals/editing.server";
import { proposalPath } from "~/proposals/sections/pages";
import { hadFormError, invalid } from "~/proposals/sections/route.server";
import { startSchema } from "~/proposals/sections/start";

const TITLE = "Start a proposal";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, TITLE, { error: data?.formError }) }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "proposal:create");
  const services = servicesFor(viewer).map((s) => ({ value: String(s.id), label: s.name }));
  return { services, defaults: { title: "", serviceId: services.length === 1 ? services[0].value : "", leadOfficer: viewer.name }, formError: hadFormError(context) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "proposal:create");
  const services = servicesFor(viewer);
  const submission = parseWithZod(await request.formData(), { schema: startSchema({ serviceIds: services.map((s) => s.id) }) });
  if (submission.status !== "success") return invalid(context, submission.reply(), 1);
  const result = createProposal(viewer, submission.value);
  if (!result.ok) return invalid(context, submission.reply({ formErrors: [result.message] }), 1, result.status);
  return redirect(proposalPath(result.id));
}

export default function StartProposal() {
  const { services, defaults } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "start", defaults, reply, revision: 1, firstField: "title" });
  return (
    <SectionFormPage formId="start" state={state} caption="Proposals" heading={TITLE} backHref="/staff" backText="Back to your proposals" isPublicEdit={false} continueText="Start the proposal" saveLater={false}>
      <p className="govuk-body">You will then fill in each section of the proposal. Nothing is published until an approver signs it off and the consultation opens.</p>
      <TextInput id="title" name="title" label="Title" labelSize="m" hint="Say what would change, in words residents use, for example 'Changes to social work in children's mental health services'." defaultValue={state.text("title")} error={state.error("title")} />
      <Select
        id="serviceId"
        name="serviceId"
        label="Service"
        labelSize="m"
        hint={services.length === 1 ? "You can start proposals for your own service." : undefined}
        options={[...(services.length === 1 ? [] : [{ value: "", label: "Choose a service" }]), ...services]}
        defaultValue={state.text("serviceId")}
        error={state.error("serviceId")}
      />
      <TextInput id="leadOfficer" name="leadOfficer" label="Lead officer" labelSize="m" hint="Their name and job title, as the public will see it." autoComplete="off" defaultValue={state.text("leadOfficer")} error={state.error("leadOfficer")} />
    </SectionFormPage>
  );
}
