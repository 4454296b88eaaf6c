/**
 * The form to challenge a fact: which claim (grouped as the page shows them), the words for a
 * statement, why it is wrong and the evidence; for a member of staff, how they appear. Plain
 * text only: nothing typed here is read as Markdown or HTML.
 */
import { useMemo, useState } from "react";
import { Form } from "@remix-run/react";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { ErrorSummary, type ErrorSummaryItem } from "~/components/ErrorSummary";
import { ErrorMessage, Radios, TextInput, Textarea, conformProps, firstError } from "~/components/form-fields";
import { Honeypot } from "~/responses/forms";
import { EVIDENCE_MAX_CHARS, QUOTE_MAX_CHARS, REASON_MAX_CHARS } from "./rules";
import { challengeSchemaIn, staffChallengeSchemaIn } from "./schemas";
import { translator } from "~/i18n/i18n";
import { useContentLang, useLanguage, useTranslation } from "~/i18n/react";

const GROUPS = ["figure", "risk", "equality_row", "dependency", "mitigation", "statement"] as const;
/** A claim's group in the page's language, from its value ("risk:12"); an unknown kind keeps the group's own words. */
function groupKey(value: string): (typeof GROUPS)[number] | null {
  const kind = value.slice(0, value.indexOf(":"));
  return (GROUPS as readonly string[]).includes(kind) ? (kind as (typeof GROUPS)[number]) : null;
}

export type ClaimChoice = { value: string; group: string; label: string };

const n = (value: number) => value.toLocaleString("en-GB");

export function ChallengeForm({ claims, chosen, lastResult, staff }: { claims: ClaimChoice[]; chosen: string | null; lastResult: SubmissionResult<string[]> | null | undefined; staff: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const contentLang = useContentLang();
  const schema = useMemo(() => (staff ? staffChallengeSchemaIn : challengeSchemaIn)(translator(lang)), [staff, lang]);
  const [blocked, setBlocked] = useState(0);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const [form, fields] = useForm<Record<string, any>>({
    id: "challenge",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    defaultValue: { claim: chosen ?? "", showAs: "staff" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const names = ["claim", "quote", "reason", "evidence", ...(staff ? ["showAs", "name"] : [])];
  const errors: ErrorSummaryItem[] = [
    ...(form.errors ?? []).map((message) => ({ field: fields.reason.id, message })),
    ...names.flatMap((name) => (fields[name].errors ?? []).map((message) => ({ field: fields[name].id, message }))),
  ];
  const focusKey = useMemo(() => ({}), [blocked, lastResult]);
  const groups = [...new Set(claims.map((c) => c.group))];
  const claimError = firstError(fields.claim.errors);
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  const initial = (name: string) => (typeof fields[name].initialValue === "string" ? (fields[name].initialValue as string) : undefined);
  return (
    <>
      <ErrorSummary errors={errors} focusKey={focusKey} title={t("commentPages.errorSummary")} />
      <Form
        method="post"
        {...formProps}
        onSubmit={(event) => {
          formProps.onSubmit(event);
          if (event.defaultPrevented) setBlocked((x) => x + 1);
        }}
      >
        <Honeypot />
        <div className={`govuk-form-group${claimError ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--m" htmlFor={fields.claim.id}>
            {t("commentPages.challenge.claimLabel")}
          </label>
          <div className="govuk-hint" id={`${fields.claim.id}-hint`}>
            {t("commentPages.challenge.claimHint")}
          </div>
          {claimError ? <ErrorMessage id={`${fields.claim.id}-error`}>{claimError}</ErrorMessage> : null}
          <select
            className={`govuk-select${claimError ? " govuk-select--error" : ""}`}
            id={fields.claim.id}
            name={fields.claim.name}
            defaultValue={initial("claim") ?? chosen ?? ""}
            aria-describedby={[`${fields.claim.id}-hint`, claimError ? `${fields.claim.id}-error` : null].filter(Boolean).join(" ")}
          >
            <option value="">{t("commentPages.challenge.choose")}</option>
            {groups.map((group) => {
              const first = claims.find((c) => c.group === group);
              const key = first ? groupKey(first.value) : null;
              return (
                <optgroup key={group} label={key ? t(`commentPages.challenge.groups.${key}`) : group}>
                  {claims
                    .filter((c) => c.group === group)
                    .map((c) => (
                      <option key={c.value} value={c.value} lang={contentLang}>
                        {c.label}
                      </option>
                    ))}
                </optgroup>
              );
            })}
          </select>
        </div>
        <Textarea
          {...conformProps(fields.quote)}
          label={t("commentPages.challenge.quoteLabel")}
          labelSize="s"
          hint={t("commentPages.challenge.quoteHint", { max: n(QUOTE_MAX_CHARS) })}
          data-as-written=""
          rows={3}
        />
        <Textarea
          {...conformProps(fields.reason)}
          label={t("commentPages.challenge.reasonLabel")}
          labelSize="m"
          hint={t("commentPages.challenge.reasonHint", { max: n(REASON_MAX_CHARS) })}
          rows={5}
          data-as-written=""
        />
        <Textarea
          {...conformProps(fields.evidence)}
          label={t("commentPages.challenge.evidenceLabel")}
          labelSize="m"
          hint={t("commentPages.challenge.evidenceHint", { max: n(EVIDENCE_MAX_CHARS) })}
          data-as-written=""
          rows={6}
        />
        {staff ? (
          <>
            <Radios
              id={fields.showAs.id}
              name={fields.showAs.name}
              error={fields.showAs.errors}
              defaultValue={initial("showAs") ?? "staff"}
              legend={t("repPages.staffChallenge.showAsLegend")}
              legendSize="m"
              hint={t("repPages.staffChallenge.showAsHint")}
              options={[
                { value: "staff", label: t("repPages.staffChallenge.asStaff") },
                { value: "name", label: t("repPages.staffChallenge.asName") },
              ]}
            />
            <TextInput {...conformProps(fields.name)} label={t("repPages.staffChallenge.nameLabel")} labelSize="s" autoComplete="name" data-as-written="" />
          </>
        ) : null}
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {t("commentPages.challenge.send")}
        </button>
      </Form>
    </>
  );
}
