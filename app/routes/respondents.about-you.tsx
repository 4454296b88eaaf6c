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
import { requireRespondent, safeReturnPath, saveProfile } from "~/responses/respondents.server";
import { NAME_MAX_CHARS, ORGANISATION_MAX_CHARS } from "~/responses/rules";
import { aboutYouSchemaIn } from "~/responses/schemas";
import { translator, translatorFor } from "~/i18n/i18n";
import { languageOfRequest, languageOfUrl, withLanguage } from "~/i18n/languages";
import { useLanguage, useTranslation } from "~/i18n/react";

export async function loader({ request }: LoaderFunctionArgs) {
  const respondent = await requireRespondent(request);
  const redirectTo = safeReturnPath(new URL(request.url).searchParams.get("redirectTo"));
  if (!respondent.privacyAcceptedAt) throw redirect(withLanguage(`/respondents/privacy?${new URLSearchParams({ redirectTo })}`, languageOfRequest(request)));
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
  const submission = parseWithZod(await request.formData(), { schema: aboutYouSchemaIn(translatorFor(request).t) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  saveProfile(respondent.id, { name: v.name || null, showName: v.showName === "name", respondingAs: v.respondingAs, organisationName: v.organisationName || null });
  throw redirect(safeReturnPath(v.redirectTo));
}

export const meta: MetaFunction<typeof loader> = ({ matches, location }) => [{ title: pageTitle(matches, translator(languageOfUrl(`${location.pathname}${location.search}`))("aboutYou.title")) }];

export default function AboutYou() {
  const { redirectTo, current } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [blocked, setBlocked] = useState(0);
  const { t } = useTranslation();
  const lang = useLanguage();
  const aboutYouSchema = useMemo(() => aboutYouSchemaIn(translator(lang)), [lang]);
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
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  const initial = (v: unknown) => (typeof v === "string" ? v : undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={focusKey} />
        <span className="govuk-caption-l">{t("aboutYou.caption")}</span>
        <h1 className="govuk-heading-l">{t("aboutYou.title")}</h1>
        <p className="govuk-body">{t("aboutYou.intro")}</p>
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
            legend={t("aboutYou.nameLegend")}
            legendSize="m"
            options={[
              { value: "name", label: t("aboutYou.showName") },
              { value: "resident", label: t("aboutYou.showResident") },
            ]}
          />
          <TextInput
            {...conformProps(fields.name)}
            label={t("aboutYou.nameLabel")}
            hint={t("aboutYou.nameHint", { max: NAME_MAX_CHARS })}
            autoComplete="name"
            spellCheck={false}
          />
          <Radios
            id={fields.respondingAs.id}
            name={fields.respondingAs.name}
            error={fields.respondingAs.errors}
            defaultValue={initial(fields.respondingAs.initialValue)}
            legend={t("aboutYou.asLegend")}
            legendSize="m"
            options={[
              { value: "individual", label: t("aboutYou.individual") },
              { value: "organisation", label: t("aboutYou.organisation"), hint: t("aboutYou.organisationHint") },
              { value: "councillor", label: t("aboutYou.councillor") },
            ]}
          />
          <TextInput
            {...conformProps(fields.organisationName)}
            label={t("aboutYou.organisationLabel")}
            hint={t("aboutYou.organisationNameHint", { max: ORGANISATION_MAX_CHARS })}
            autoComplete="organization"
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("common.continue")}
          </button>
        </Form>
      </div>
    </div>
  );
}
