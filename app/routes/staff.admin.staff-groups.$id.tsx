/**
 * Admin: add or change a staff group: its head count, and either a distribution-list address
 * or each member's address. `/staff/admin/staff-groups/new?service=ID` adds one.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextInput, Textarea, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { staffGroupSchema } from "~/notifications/directory-forms";
import { getService, getStaffGroup, saveStaffGroup } from "~/notifications/directory.server";
import { notFound } from "~/proposals/proposals.server";

const idParam = z.coerce.number().int().positive();

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data?.group ? `${data.group.name} – Admin` : "Add a staff group – Admin") }];

/** The group being changed, or the service a new one is added to. */
function target(request: Request, params: { id?: string }) {
  if (params.id === "new") {
    const serviceId = idParam.safeParse(new URL(request.url).searchParams.get("service"));
    const service = serviceId.success ? getService(serviceId.data) : null;
    if (!service) throw notFound();
    return { service: { id: service.id, name: service.name }, group: null };
  }
  const id = idParam.safeParse(params.id);
  const group = id.success ? getStaffGroup(id.data) : null;
  if (!group) throw notFound();
  return { service: { id: group.serviceId, name: group.serviceName }, group };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:manage");
  return target(request, params);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "admin:manage");
  const { service, group } = target(request, params);
  const submission = parseWithZod(await request.formData(), { schema: staffGroupSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  saveStaffGroup(viewer.id, service.id, group?.id ?? null, submission.value);
  return redirect(`/staff/admin/services/${service.id}`);
}

export default function AdminStaffGroup() {
  const { service, group } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "staff-group",
    lastResult,
    shouldValidate: "onSubmit",
    defaultValue: group ? { name: group.name, headCount: String(group.headCount), distributionEmail: group.distributionEmail ?? "", members: group.members.join("\n") } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: staffGroupSchema }),
  });
  const errors = [fields.name, fields.headCount, fields.distributionEmail, fields.members].flatMap((f) => (f.errors ?? []).map((message) => ({ field: f.id, message })));
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/admin/services/${service.id}`} className="govuk-back-link">
          {service.name}
        </Link>
        <ErrorSummary errors={errors} focusKey={lastResult} />
        <span className="govuk-caption-l">{service.name}</span>
        <h1 className="govuk-heading-l">{group ? group.name : "Add a staff group"}</h1>
        <Form method="post" action={group ? undefined : `/staff/admin/staff-groups/new?service=${service.id}`} {...formProps}>
          <TextInput {...conformProps(fields.name)} label="Name of the group" hint="For example, Refuse and recycling crews" />
          <TextInput {...conformProps(fields.headCount)} label="Number of staff in the group" inputMode="numeric" width="5" hint="Shown on the public page when the group is told about a proposal" />
          <TextInput
            {...conformProps(fields.distributionEmail)}
            label="Distribution list address (optional)"
            type="email"
            spellCheck={false}
            hint="One email to this address reaches everyone in the group. Leave it empty to list members instead."
          />
          <Textarea
            {...conformProps(fields.members)}
            label="Members' email addresses (optional)"
            hint="One address a line, if the group has no distribution list"
            rows={8}
            spellCheck={false}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save staff group
          </button>
        </Form>
      </div>
    </div>
  );
}
