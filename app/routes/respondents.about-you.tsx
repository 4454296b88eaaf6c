/**
 * How a resident appears next to their comments (their name, or "Resident"), and whether they
 * respond as an individual, for an organisation, or as a councillor. Asked once, before the
 * first response; they can come back and change it.
 */
import { useMemo, useState } from "react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { ErrorSummary, type ErrorSummaryItem } from "~/components/ErrorSummary";
import { Radios, TextInput, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { useErrorTitle } from "~/responses/forms";
import { requireRespondent, safeReturnPath, saveProfile } from "~/responses/respondents.server";
import { ANONYMOUS_NAME, NAME_MAX_CHARS, ORGANISATION_MAX_CHARS, RESPONDING_AS_LABELS } from "~/responses/rules";
import { aboutYouSchema } from "~/responses/schemas";

const TITLE = "How you appear";

export async function loader({ request }: LoaderFunctionArgs) {
  const respondent = await requireRespondent(request);
  const redirectTo = safeReturnPath(new URL(request.url).searchParams.get("redirectTo"));
  if (!respondent.privacyAcceptedAt) throw redirect(`/respondents/privacy?${new URLSearchParams({ redirectTo })}`);
  return {
    redirectTo,
    current: {
      showName: respondent.respondingAs ? (respondent.showName ? "name" : "resident") : undefined,
      name: respondent.name ?? "",
      respondingAs: respondent.respondingAs ?? undefined,
      organisationName: respondent.organisationName ?? "",
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const respondent = await requireRespondent(request);
  const submission = parseWithZod(await request.formData(), { schema: aboutYouSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  saveProfile(respondent.id, { name: v.name || null, showName: v.showName === "name", respondingAs: v.respondingAs, organisationName: v.organisationName || null });
  throw redirect(safeReturnPath(v.redirectTo));
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: pageTitle(matches, TITLE) }];

export default function AboutYou() {
  const { redirectTo, current } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [blocked, setBlocked] = useState(0);
  const [form, fields] = useForm({
    id: "about-you",
    lastResult,
    defaultValue: current,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: aboutYouSchema }),
  });
  const errors: ErrorSummaryItem[] = (["showName", "name", "respondingAs", "organisationName"] as const).flatMap((key) =>
    (fields[key].errors ?? []).map((message) => ({ field: fields[key].id, message })),
  );
  const focusKey = useMemo(() => ({}), [blocked, lastResult]);
  useErrorTitle(errors.length > 0);
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  const initial = (v: unknown) => (typeof v === "string" ? v : undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={focusKey} />
        <span className="govuk-caption-l">Before you respond</span>
        <h1 className="govuk-heading-l">{TITLE}</h1>
        <p className="govuk-body">This is shown next to your comments. Your email address is never shown.</p>
        <Form
          method="post"
          {...formProps}
          onSubmit={(event) => {
            formProps.onSubmit(event);
            if (event.defaultPrevented) setBlocked((n) => n + 1);
          }}
        >
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Radios
            id={fields.showName.id}
            name={fields.showName.name}
            error={fields.showName.errors}
            defaultValue={initial(fields.showName.initialValue)}
            legend="How should your name appear?"
            legendSize="m"
            options={[
              { value: "name", label: "Show my name" },
              { value: "resident", label: `Show “${ANONYMOUS_NAME}” instead of my name` },
            ]}
          />
          <TextInput
            {...conformProps(fields.name)}
            label="Your name"
            hint={`Needed only if you choose to show your name. Up to ${NAME_MAX_CHARS} characters.`}
            autoComplete="name"
            spellCheck={false}
          />
          <Radios
            id={fields.respondingAs.id}
            name={fields.respondingAs.name}
            error={fields.respondingAs.errors}
            defaultValue={initial(fields.respondingAs.initialValue)}
            legend="Who are you responding as?"
            legendSize="m"
            options={[
              { value: "individual", label: RESPONDING_AS_LABELS.individual },
              { value: "organisation", label: RESPONDING_AS_LABELS.organisation, hint: "For example a charity, a school, a business or a residents’ association" },
              { value: "councillor", label: RESPONDING_AS_LABELS.councillor },
            ]}
          />
          <TextInput
            {...conformProps(fields.organisationName)}
            label="Name of the organisation or group"
            hint={`Needed only if you are responding for an organisation or group. It is shown next to your comments. Up to ${ORGANISATION_MAX_CHARS} characters.`}
            autoComplete="organization"
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Continue
          </button>
        </Form>
      </div>
    </div>
  );
}
