/** Admin: the recognised unions. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { requirePermission } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextInput, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { unionSchema } from "~/notifications/directory-forms";
import { addUnion, listUnions } from "~/notifications/directory.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Unions and representatives – Admin") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:manage");
  return { unions: listUnions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "admin:manage");
  const submission = parseWithZod(await request.formData(), { schema: unionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const id = addUnion(viewer.id, submission.value);
  return redirect(`/staff/admin/unions/${id}`);
}

export default function AdminUnions() {
  const { unions } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "union", lastResult, shouldValidate: "onSubmit", onValidate: ({ formData }) => parseWithZod(formData, { schema: unionSchema }) });
  const errors = [fields.name, fields.shortName].flatMap((f) => (f.errors ?? []).map((message) => ({ field: f.id, message })));
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <>
      <Link to="/staff/admin" className="govuk-back-link">
        Admin
      </Link>
      <ErrorSummary errors={errors} focusKey={lastResult} />
      <h1 className="govuk-heading-l">Unions and representatives</h1>
      {unions.length === 0 ? (
        <p className="govuk-body">No unions have been added.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Recognised unions</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Union
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Representatives
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {unions.map((u) => (
              <tr className="govuk-table__row" key={u.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/staff/admin/unions/${u.id}`}>
                    {u.name}
                  </Link>{" "}
                  ({u.shortName})
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{u.reps}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-m">Add a recognised union</h2>
      <Form method="post" {...formProps}>
        <TextInput {...conformProps(fields.name)} label="Full name" hint="For example, UNISON, the public service union" />
        <TextInput {...conformProps(fields.shortName)} label="Short name" width="10" />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Add union
        </button>
      </Form>
    </>
  );
}
