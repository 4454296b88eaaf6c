/**
 * Email updates for residents: new consultations, or one consultation's news
 * (`/subscribe?consultation=slug`). Nothing starts until the address is confirmed by a link.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextInput, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { now } from "~/lib/clock";
import { loadSettings } from "~/lib/settings.server";
import { addressFrom } from "~/responses/rate-limit.server";
import { requestSubscription, subscribableConsultation } from "~/notifications/subscriptions.server";
import { notFound } from "~/proposals/proposals.server";

const schema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .max(320, { error: "Email address must be 320 characters or fewer" })
    .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" })),
  consultation: z.string().max(200).optional(),
});

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: pageTitle(matches, "Get email updates") }];

function consultationFrom(request: Request, value?: string | null) {
  const slug = value ?? new URL(request.url).searchParams.get("consultation");
  if (!slug) return null;
  const p = subscribableConsultation(slug);
  if (!p) throw notFound();
  return p;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const p = consultationFrom(request);
  return { council: loadSettings().council.name, consultation: p ? { slug: p.slug, title: p.title } : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const p = consultationFrom(request, submission.value.consultation ?? "");
  const result = requestSubscription({ email: submission.value.email, proposal: p, address: addressFrom(context) }, now());
  if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: 429 });
  return redirect(`/subscribe?sent=1${p ? `&consultation=${encodeURIComponent(p.slug)}` : ""}`);
}

export default function Subscribe() {
  const { council, consultation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({ id: "subscribe", lastResult, shouldValidate: "onSubmit", onValidate: ({ formData }) => parseWithZod(formData, { schema }) });
  const errors = [...(form.errors ?? []), ...(fields.email.errors ?? [])].map((message) => ({ field: fields.email.id, message }));
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  const what = consultation ? `updates on "${consultation.title}"` : `new consultations from ${council}`;

  if (searchParams.get("sent")) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Check your email</h1>
          <p className="govuk-body">If you have not already confirmed this address, we have sent an email with a link to confirm it. You will get {what} once you do.</p>
          <p className="govuk-body">The link works only once. If it does not arrive in a few minutes, check your spam folder.</p>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={lastResult} />
        <h1 className="govuk-heading-l">Get email updates</h1>
        <p className="govuk-body">We will email you about {what}. Every email has a link to stop them.</p>
        <p className="govuk-body">We use your email address only to send these updates. We do not publish it or share it.</p>
        <Form method="post" action={consultation ? `/subscribe?consultation=${encodeURIComponent(consultation.slug)}` : "/subscribe"} {...formProps}>
          {consultation ? <input type="hidden" name="consultation" value={consultation.slug} /> : null}
          <TextInput {...conformProps(fields.email)} label="Email address" type="email" autoComplete="email" spellCheck={false} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Subscribe
          </button>
        </Form>
      </div>
    </div>
  );
}
