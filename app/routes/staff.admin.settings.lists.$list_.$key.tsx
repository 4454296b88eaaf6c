/** Admin: rename or remove one item of a list setting. One in use can be renamed, never removed. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { requirePermission } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextInput, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { loadSettings } from "~/lib/settings.server";
import { notFound } from "~/proposals/proposals.server";
import { itemSchema, listBySlug } from "~/settings/lists";
import { auditSettingsRefusal, removeListItem, renameListItem, usage } from "~/settings/settings.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Change ${data.item.label} – Settings` : "Settings") }];

function find(params: { list?: string; key?: string }) {
  const list = listBySlug(params.list);
  const item = list ? loadSettings()[list.key].find((i) => i.key === params.key) : undefined;
  if (!list || !item) throw notFound();
  return { list, item };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:manage");
  const { list, item } = find(params);
  return { list, item, used: usage(list, [item.key]).get(item.key) ?? 0 };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "admin:manage");
  const { list, item } = find(params);
  const formData = await request.formData();
  const back = `/staff/admin/settings/lists/${list.slug}`;
  if (formData.get("intent") === "remove") {
    const removed = removeListItem(viewer.id, list, item.key);
    if (!removed.ok) {
      auditSettingsRefusal(viewer.id, list.key, removed.message);
      return data({ lastResult: null, removeError: removed.message }, { status: 400 });
    }
    return redirect(`${back}?done=removed`);
  }
  const submission = parseWithZod(formData, { schema: itemSchema(list) });
  if (submission.status !== "success") {
    auditSettingsRefusal(viewer.id, list.key, Object.values(submission.error ?? {}).flat().filter(Boolean).join("; "));
    return data({ lastResult: submission.reply(), removeError: null }, { status: 400 });
  }
  const renamed = renameListItem(viewer.id, list, item.key, submission.value.label);
  if (!renamed.ok) {
    auditSettingsRefusal(viewer.id, list.key, renamed.message);
    return data({ lastResult: submission.reply({ fieldErrors: { label: [renamed.message] } }), removeError: null }, { status: 400 });
  }
  return redirect(`${back}?done=renamed`);
}

export default function ListItem() {
  const { list, item, used } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const schema = itemSchema(list);
  const [form, fields] = useForm({
    id: `item-${item.key}`,
    lastResult: answer?.lastResult ?? undefined,
    defaultValue: { label: item.label },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const errors = [
    ...(fields.label.errors ?? []).map((message) => ({ field: fields.label.id, message })),
    ...(answer?.removeError ? [{ field: "remove", message: answer.removeError }] : []),
  ];
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/admin/settings/lists/${list.slug}`} className="govuk-back-link">
          {list.title}
        </Link>
        <ErrorSummary errors={errors} focusKey={answer} />
        <span className="govuk-caption-l">{list.title}</span>
        <h1 className="govuk-heading-l">Change {item.label}</h1>
        <Form method="post" {...formProps}>
          <TextInput {...conformProps(fields.label)} label="Name" hint={`${list.labelHint}. Renaming it changes the name everywhere it is used.`} autoComplete="off" />
          <button type="submit" name="intent" value="rename" className="govuk-button" data-module="govuk-button">
            Save name
          </button>
        </Form>
        <h2 className="govuk-heading-m">Remove</h2>
        {used ? (
          <p className="govuk-body">
            Used in {used} {list.usedBy}, so it cannot be removed.
          </p>
        ) : (
          <Form method="post">
            <p className="govuk-body">No proposal uses it yet.</p>
            <button type="submit" id="remove" name="intent" value="remove" className="govuk-button govuk-button--warning" data-module="govuk-button">
              Remove {list.item}
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}
