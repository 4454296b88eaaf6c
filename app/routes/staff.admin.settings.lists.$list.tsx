/** Admin: a list setting (the council's own equality characteristics, grounds for withholding): see, add. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { requirePermission } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextInput, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { SuccessBanner } from "~/components/SuccessBanner";
import { STATUTORY_CHARACTERISTICS } from "~/lib/settings";
import { loadSettings } from "~/lib/settings.server";
import { notFound } from "~/proposals/proposals.server";
import { itemSchema, listBySlug } from "~/settings/lists";
import { addListItem, auditSettingsRefusal, usage } from "~/settings/settings.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${data.list.title} – Settings` : "Settings") }];

function listFrom(slug: string | undefined) {
  const list = listBySlug(slug);
  if (!list) throw notFound();
  return list;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:manage");
  const list = listFrom(params.list);
  const items = loadSettings()[list.key];
  const used = usage(list, items.map((i) => i.key));
  return {
    list,
    items: items.map((i) => ({ ...i, used: used.get(i.key) ?? 0 })),
    statutory: list.key === "localCharacteristics" ? STATUTORY_CHARACTERISTICS.map((c) => c.label) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "admin:manage");
  const list = listFrom(params.list);
  const schema = itemSchema(list);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") {
    auditSettingsRefusal(viewer.id, list.key, Object.values(submission.error ?? {}).flat().filter(Boolean).join("; "));
    return data(submission.reply(), { status: 400 });
  }
  const result = addListItem(viewer.id, list, submission.value.label);
  if (!result.ok) {
    auditSettingsRefusal(viewer.id, list.key, result.message);
    return data(submission.reply({ fieldErrors: { label: [result.message] } }), { status: 400 });
  }
  return redirect(`/staff/admin/settings/lists/${list.slug}?done=added`);
}

const DONE: Record<string, string> = { added: "Added.", renamed: "Renamed.", removed: "Removed." };

export default function ListSetting() {
  const { list, items, statutory } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = DONE[searchParams.get("done") ?? ""];
  const schema = itemSchema(list);
  const [form, fields] = useForm({ id: `add-${list.slug}`, lastResult, shouldValidate: "onSubmit", onValidate: ({ formData }) => parseWithZod(formData, { schema }) });
  const errors = (fields.label.errors ?? []).map((message) => ({ field: fields.label.id, message }));
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/admin/settings" className="govuk-back-link">
          Settings
        </Link>
        <ErrorSummary errors={errors} focusKey={lastResult} />
        {done && !errors.length ? <SuccessBanner>{done}</SuccessBanner> : null}
        <span className="govuk-caption-l">Settings</span>
        <h1 className="govuk-heading-l">{list.title}</h1>
        <p className="govuk-body">{list.description}</p>
        {statutory.length ? (
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">The nine protected characteristics (always included)</span>
            </summary>
            <div className="govuk-details__text">
              <ul className="govuk-list govuk-list--bullet">
                {statutory.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </div>
          </details>
        ) : null}
        {items.length ? (
          <table className="govuk-table app-table--reflow">
            <caption className="govuk-table__caption govuk-table__caption--m">{list.caption}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Name
                </th>
                <th scope="col" className="govuk-table__header">
                  Used in
                </th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {items.map((i) => (
                <tr className="govuk-table__row" key={i.key}>
                  <td className="govuk-table__cell" data-label="Name">
                    {i.label}
                  </td>
                  <td className="govuk-table__cell" data-label="Used in">
                    {i.used ? `${i.used} ${list.usedBy}` : "Not used yet"}
                  </td>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/staff/admin/settings/lists/${list.slug}/${encodeURIComponent(i.key)}`}>
                      Change<span className="govuk-visually-hidden"> {i.label}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="govuk-body">None yet.</p>
        )}
        <h2 className="govuk-heading-m">Add a {list.item}</h2>
        <Form method="post" {...formProps}>
          <TextInput {...conformProps(fields.label)} label="Name" hint={list.labelHint} autoComplete="off" />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Add {list.item}
          </button>
        </Form>
      </div>
    </div>
  );
}
