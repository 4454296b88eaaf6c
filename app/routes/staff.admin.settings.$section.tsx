/** Admin: one page of settings (council and branding, the publication check, the period, union notice, sign-in). */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { getAccount } from "~/accounts/accounts.server";
import { requirePermission } from "~/auth/session.server";
import { ssoProvider } from "~/auth/sso-config.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Radios, TextInput, Textarea } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { loadSettings } from "~/lib/settings.server";
import { notFound } from "~/proposals/proposals.server";
import { fieldName, formDefaults, sectionBySlug, sectionSchema, type FieldDef } from "~/settings/sections";
import { auditSettingsRefusal, saveSection } from "~/settings/settings.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${data.title} – Settings` : "Settings") }];

async function context(request: Request, slug: string | undefined) {
  const viewer = await requirePermission(request, "admin:manage");
  const section = sectionBySlug(slug);
  if (!section) throw notFound();
  const sso = ssoProvider();
  return { viewer, section, checks: { ssoConfigured: Boolean(sso), viewerUsesSso: Boolean(getAccount(viewer.id)?.ssoLinked) } };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { section, checks } = await context(request, params.section);
  return { slug: section.slug, title: section.title, description: section.description, defaults: formDefaults(section, loadSettings()), checks };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, section, checks } = await context(request, params.section);
  const submission = parseWithZod(await request.formData(), { schema: sectionSchema(section, checks) });
  if (submission.status !== "success") {
    auditSettingsRefusal(viewer.id, section.key, Object.values(submission.error ?? {}).flat().filter(Boolean).join("; "));
    return data(submission.reply(), { status: 400 });
  }
  const changed = saveSection(viewer.id, section, submission.value as Record<string, unknown>);
  return redirect(`/staff/admin/settings?done=${changed ? "saved" : "unchanged"}`);
}

function Field({ f, field }: { f: FieldDef; field: { id: string; name: string; errors?: string[]; initialValue?: unknown } }) {
  const value = typeof field.initialValue === "string" ? field.initialValue : "";
  if (f.kind === "yesno") {
    return (
      <Radios
        id={field.id}
        name={field.name}
        legend={f.label}
        legendSize="s"
        hint={f.hint}
        error={field.errors}
        inline
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
        defaultValue={value}
      />
    );
  }
  if (f.kind === "lines") {
    return <Textarea id={field.id} name={field.name} label={f.label} labelSize="s" hint={f.hint} error={field.errors} defaultValue={value} rows={5} spellCheck={false} />;
  }
  const numeric = f.kind === "integer" || f.kind === "decimal" || f.kind === "percent" || f.kind === "money";
  return (
    <TextInput
      id={field.id}
      name={field.name}
      label={f.label}
      labelSize="s"
      hint={f.hint}
      error={field.errors}
      defaultValue={value}
      type={f.kind === "email" ? "email" : "text"}
      inputMode={numeric ? (f.kind === "integer" || f.kind === "money" ? "numeric" : "decimal") : undefined}
      width={numeric ? (f.kind === "money" || (f.max ?? 0) >= 100_000 ? "10" : "4") : f.kind === "colour" ? "10" : f.kind === "timezone" ? "20" : undefined}
      prefix={f.prefix}
      suffix={f.suffix}
      spellCheck={false}
      autoComplete="off"
    />
  );
}

export default function SettingsSection() {
  const { slug, title, description, defaults, checks } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const section = sectionBySlug(slug)!;
  const [form, fields] = useForm<Record<string, string>, Record<string, unknown>>({
    id: `settings-${slug}`,
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: sectionSchema(section, checks) }),
  });
  const errors = section.fields.flatMap((f) => {
    const field = fields[fieldName(f.path)];
    return (field.errors ?? []).map((message) => ({ field: field.id, message }));
  });
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/admin/settings" className="govuk-back-link">
          Settings
        </Link>
        <ErrorSummary errors={errors} focusKey={lastResult} />
        <span className="govuk-caption-l">Settings</span>
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">{description}</p>
        <Form method="post" {...formProps}>
          {section.fields.map((f) => (
            <Field key={f.path} f={f} field={fields[fieldName(f.path)]} />
          ))}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Save settings
            </button>
            <Link to="/staff/admin/settings" className="govuk-link">
              Cancel
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
