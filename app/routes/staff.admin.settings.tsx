/** Admin: the union notice settings. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { requirePermission } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextInput, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { loadSettings } from "~/lib/settings.server";
import { unionSettingsSchema } from "~/notifications/directory-forms";
import { saveUnionSettings } from "~/notifications/directory.server";
import { SuccessBanner } from "~/components/SuccessBanner";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Union notice settings – Admin") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:manage");
  const { noticeWorkingDays, noticeLinkDays } = loadSettings().union;
  return { noticeWorkingDays, noticeLinkDays };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "admin:manage");
  const submission = parseWithZod(await request.formData(), { schema: unionSettingsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  saveUnionSettings(viewer.id, submission.value);
  return redirect("/staff/admin/settings?done=saved");
}

export default function AdminSettings() {
  const current = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "union-settings",
    lastResult,
    shouldValidate: "onSubmit",
    defaultValue: { noticeWorkingDays: String(current.noticeWorkingDays), noticeLinkDays: String(current.noticeLinkDays) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: unionSettingsSchema }),
  });
  const errors = [fields.noticeWorkingDays, fields.noticeLinkDays].flatMap((f) => (f.errors ?? []).map((message) => ({ field: f.id, message })));
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/admin" className="govuk-back-link">
          Admin
        </Link>
        <ErrorSummary errors={errors} focusKey={lastResult} />
        {searchParams.get("done") ? (
          <SuccessBanner>Settings saved.</SuccessBanner>
        ) : null}
        <h1 className="govuk-heading-l">Union notice settings</h1>
        <Form method="post" {...formProps}>
          <TextInput
            {...conformProps(fields.noticeWorkingDays)}
            label="Notice period, in working days"
            hint="How long the recognised unions have the proposal in confidence before the consultation can open. Weekends and England and Wales bank holidays do not count."
            inputMode="numeric"
            width="3"
            suffix="working days"
          />
          <TextInput
            {...conformProps(fields.noticeLinkDays)}
            label="How long a representative's personal link works"
            hint="After this, an officer can send a new link."
            inputMode="numeric"
            width="3"
            suffix="days"
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save settings
          </button>
        </Form>
      </div>
    </div>
  );
}
