/** Admin: one union's representatives. A rep added here is sent the notices already running for the union. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextInput, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { repSchema } from "~/notifications/directory-forms";
import { addRep, getUnion, removeRep } from "~/notifications/directory.server";
import { notFound } from "~/proposals/proposals.server";
import { SuccessBanner } from "~/components/SuccessBanner";

const idParam = z.coerce.number().int().positive();

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${data.union.name} – Admin` : "Union – Admin") }];

function unionId(params: { id?: string }) {
  const id = idParam.safeParse(params.id);
  if (!id.success) throw notFound();
  return id.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:manage");
  const union = getUnion(unionId(params));
  if (!union) throw notFound();
  return { union };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "admin:manage");
  const id = unionId(params);
  if (!getUnion(id)) throw notFound();
  const formData = await request.formData();
  if (formData.get("intent") === "remove") {
    const userId = idParam.safeParse(formData.get("userId"));
    if (userId.success) removeRep(viewer.id, id, userId.data);
    return redirect(`/staff/admin/unions/${id}?done=removed`);
  }
  const submission = parseWithZod(formData, { schema: repSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = addRep(viewer.id, id, submission.value);
  if (!result.ok) return data(submission.reply({ fieldErrors: { email: [result.message] } }), { status: 400 });
  return redirect(`/staff/admin/unions/${id}?done=added&notices=${result.noticesSent}`);
}

export default function AdminUnion() {
  const { union } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const notices = Number(searchParams.get("notices") ?? 0);
  const [form, fields] = useForm({ id: "rep", lastResult, shouldValidate: "onSubmit", onValidate: ({ formData }) => parseWithZod(formData, { schema: repSchema }) });
  const errors = [fields.name, fields.email].flatMap((f) => (f.errors ?? []).map((message) => ({ field: f.id, message })));
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <>
      <Link to="/staff/admin/unions" className="govuk-back-link">
        Unions
      </Link>
      <ErrorSummary errors={errors} focusKey={lastResult} />
      {done ? (
        <SuccessBanner>{done === "added" ? `Representative added.${notices ? ` They have been sent ${notices} advance ${notices === 1 ? "notice" : "notices"} already running.` : ""}` : "Representative removed."}</SuccessBanner>
      ) : null}
      <span className="govuk-caption-l">{union.shortName}</span>
      <h1 className="govuk-heading-l">{union.name}</h1>
      <h2 className="govuk-heading-m">Representatives</h2>
      {union.reps.length === 0 ? (
        <p className="govuk-body">This union has no representatives, so nobody would receive its advance notices.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Representatives of {union.name}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Name
              </th>
              <th scope="col" className="govuk-table__header">
                Email address
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {union.reps.map((r) => (
              <tr className="govuk-table__row" key={r.userId}>
                <td className="govuk-table__cell">
                  {r.name}
                  {r.disabledAt ? " (account disabled)" : ""}
                </td>
                <td className="govuk-table__cell">{r.email}</td>
                <td className="govuk-table__cell">
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="userId" value={r.userId} />
                    <button type="submit" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">
                      Remove<span className="govuk-visually-hidden"> {r.name}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-m">Add a representative</h2>
      <Form method="post" {...formProps}>
        <input type="hidden" name="intent" value="add" />
        <TextInput {...conformProps(fields.name)} label="Full name" autoComplete="off" />
        <TextInput {...conformProps(fields.email)} label="Email address" type="email" spellCheck={false} autoComplete="off" hint="Advance notices and their personal links are sent here." />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Add representative
        </button>
      </Form>
    </>
  );
}
