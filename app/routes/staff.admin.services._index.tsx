/** Admin: the council's services. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { requirePermission } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextInput, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { serviceSchema } from "~/notifications/directory-forms";
import { addService, listServices } from "~/notifications/directory.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Services and staff groups – Admin") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:manage");
  return { services: listServices() };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "admin:manage");
  const submission = parseWithZod(await request.formData(), { schema: serviceSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  return redirect(`/staff/admin/services/${addService(viewer.id, submission.value)}`);
}

export default function AdminServices() {
  const { services } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "service", lastResult, shouldValidate: "onSubmit", onValidate: ({ formData }) => parseWithZod(formData, { schema: serviceSchema }) });
  const errors = [fields.name, fields.workforcePosts].flatMap((f) => (f.errors ?? []).map((message) => ({ field: f.id, message })));
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <>
      <Link to="/staff/admin" className="govuk-back-link">
        Admin
      </Link>
      <ErrorSummary errors={errors} focusKey={lastResult} />
      <h1 className="govuk-heading-l">Services and staff groups</h1>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Services</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Service
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Posts
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Staff groups
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {services.map((s) => (
            <tr className="govuk-table__row" key={s.id}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/staff/admin/services/${s.id}`}>
                  {s.name}
                </Link>
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{s.workforcePosts ?? "–"}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{s.groups}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="govuk-heading-m">Add a service</h2>
      <Form method="post" {...formProps}>
        <TextInput {...conformProps(fields.name)} label="Service name" />
        <TextInput {...conformProps(fields.workforcePosts)} label="Posts in the service's workforce" inputMode="numeric" width="5" />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Add service
        </button>
      </Form>
    </>
  );
}
