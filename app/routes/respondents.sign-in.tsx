/**
 * A resident gives their email address and we send them a single-use link. No password.
 * The page says the same thing whether or not the address has been used before.
 */
import { useMemo, useState } from "react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { ErrorSummary, type ErrorSummaryItem } from "~/components/ErrorSummary";
import { TextInput, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { env } from "~/lib/env.server";
import { Honeypot } from "~/responses/forms";
import { addressFrom } from "~/responses/rate-limit.server";
import { getRespondent, requestSignInLink, safeReturnPath } from "~/responses/respondents.server";
import { HONEYPOT_FIELD, emailSchemaIn } from "~/responses/schemas";
import { TOO_MANY_LINKS } from "~/responses/rules";
import { translator, translatorFor } from "~/i18n/i18n";
import { languageOfUrl } from "~/i18n/languages";
import { useLanguage, useLocalHref, useTranslation } from "~/i18n/react";

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeReturnPath(new URL(request.url).searchParams.get("redirectTo"));
  if (await getRespondent(request)) throw redirect(redirectTo);
  return { redirectTo, demo: env().PLAINSIGHT_DEMO };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { lang, t } = translatorFor(request);
  const submission = parseWithZod(await request.formData(), { schema: emailSchemaIn(t) });
  if (submission.status !== "success") return data({ sent: null, result: submission.reply() }, { status: 400 });
  const { email, redirectTo } = submission.value;
  // A robot that filled in the hidden field is shown the same page as everyone, and sent nothing.
  if (submission.value[HONEYPOT_FIELD]) return { sent: email, result: null };
  const result = requestSignInLink({ email, redirectTo: safeReturnPath(redirectTo), address: addressFrom(context), lang });
  if (!result.ok) return data({ sent: null, result: submission.reply({ formErrors: [result.message === TOO_MANY_LINKS ? t("signIn.tooMany") : result.message] }) }, { status: 429 });
  return { sent: email, result: null };
}

export const meta: MetaFunction<typeof loader> = ({ matches, location }) => [{ title: pageTitle(matches, translator(languageOfUrl(`${location.pathname}${location.search}`))("signIn.title")) }];

export default function RespondentSignIn() {
  const { redirectTo, demo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [blocked, setBlocked] = useState(0);
  const { t } = useTranslation();
  const lang = useLanguage();
  const localHref = useLocalHref();
  const emailSchema = useMemo(() => emailSchemaIn(translator(lang)), [lang]);
  const [form, fields] = useForm({
    id: "respondent-sign-in",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: emailSchema }),
  });
  const errors: ErrorSummaryItem[] = [
    ...(form.errors ?? []).map((message) => ({ field: fields.email.id, message })),
    ...(fields.email.errors ?? []).map((message) => ({ field: fields.email.id, message })),
  ];
  const focusKey = useMemo(() => ({}), [blocked, actionData]);

  if (actionData?.sent) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("signIn.checkHeading")}</h1>
          <p className="govuk-body">
            {t("signIn.sentTo")} <strong>{actionData.sent}</strong>
            {t("signIn.sentToEnd")}
          </p>
          <p className="govuk-body">{t("signIn.selectLink")}</p>
          {demo ? <div className="govuk-inset-text">{t("signIn.demo")}</div> : null}
          <h2 className="govuk-heading-m">{t("signIn.notArrived")}</h2>
          <p className="govuk-body">{t("signIn.fewMinutes")}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={localHref(`/respondents/sign-in?${new URLSearchParams({ redirectTo })}`)} reloadDocument>
              {t("signIn.again")}
            </Link>
          </p>
        </div>
      </div>
    );
  }

  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={focusKey} />
        <h1 className="govuk-heading-l">{t("signIn.title")}</h1>
        <p className="govuk-body">{t("signIn.intro")}</p>
        <p className="govuk-body">
          {t("signIn.neverPublishBefore")}{" "}
          <Link className="govuk-link" to={localHref("/privacy")}>
            {t("signIn.privacyLink")}
          </Link>{" "}
          {t("signIn.neverPublishAfter")}
        </p>
        <Form
          method="post"
          {...formProps}
          onSubmit={(event) => {
            formProps.onSubmit(event);
            if (event.defaultPrevented) setBlocked((n) => n + 1);
          }}
        >
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Honeypot />
          <TextInput {...conformProps(fields.email)} label={t("signIn.emailLabel")} type="email" autoComplete="email" spellCheck={false} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("signIn.send")}
          </button>
        </Form>
      </div>
    </div>
  );
}
