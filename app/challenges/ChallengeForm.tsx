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
import { Honeypot, useErrorTitle } from "~/responses/forms";
import { EVIDENCE_MAX_CHARS, QUOTE_MAX_CHARS, REASON_MAX_CHARS } from "./rules";
import { challengeSchema, staffChallengeSchema } from "./schemas";

export type ClaimChoice = { value: string; group: string; label: string };

const n = (value: number) => value.toLocaleString("en-GB");

export function ChallengeForm({ claims, chosen, lastResult, staff }: { claims: ClaimChoice[]; chosen: string | null; lastResult: SubmissionResult<string[]> | null | undefined; staff: boolean }) {
  const schema = staff ? staffChallengeSchema : challengeSchema;
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
  useErrorTitle(errors.length > 0);
  const groups = [...new Set(claims.map((c) => c.group))];
  const claimError = firstError(fields.claim.errors);
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  const initial = (name: string) => (typeof fields[name].initialValue === "string" ? (fields[name].initialValue as string) : undefined);
  return (
    <>
      <ErrorSummary errors={errors} focusKey={focusKey} />
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
            Which fact are you challenging?
          </label>
          <div className="govuk-hint" id={`${fields.claim.id}-hint`}>
            A figure, a risk or its rating, an equality finding, or a statement in the text.
          </div>
          {claimError ? <ErrorMessage id={`${fields.claim.id}-error`}>{claimError}</ErrorMessage> : null}
          <select
            className={`govuk-select${claimError ? " govuk-select--error" : ""}`}
            id={fields.claim.id}
            name={fields.claim.name}
            defaultValue={initial("claim") ?? chosen ?? ""}
            aria-describedby={[`${fields.claim.id}-hint`, claimError ? `${fields.claim.id}-error` : null].filter(Boolean).join(" ")}
          >
            <option value="">Choose the fact</option>
            {groups.map((group) => (
              <optgroup key={group} label={group}>
                {claims
                  .filter((c) => c.group === group)
                  .map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <Textarea
          {...conformProps(fields.quote)}
          label="If it is a statement: copy the words you are challenging"
          labelSize="s"
          hint={`Exactly as they appear on the page, up to ${n(QUOTE_MAX_CHARS)} characters.`}
          rows={3}
        />
        <Textarea {...conformProps(fields.reason)} label="Why do you think it is wrong?" labelSize="m" hint={`Up to ${n(REASON_MAX_CHARS)} characters. Your challenge is published.`} rows={5} />
        <Textarea
          {...conformProps(fields.evidence)}
          label="What is your evidence?"
          labelSize="m"
          hint={`What you know and how you know it, or where it can be checked (a report, a web address, your own records). Up to ${n(EVIDENCE_MAX_CHARS)} characters.`}
          rows={6}
        />
        {staff ? (
          <>
            <Radios
              id={fields.showAs.id}
              name={fields.showAs.name}
              error={fields.showAs.errors}
              defaultValue={initial("showAs") ?? "staff"}
              legend="How do you want to appear?"
              legendSize="m"
              hint="Nothing about you is stored except what you choose here: not your email, not which link you used. Your manager cannot find out who wrote it."
              options={[
                { value: "staff", label: "As “A member of staff”" },
                { value: "name", label: "Under my name" },
              ]}
            />
            <TextInput {...conformProps(fields.name)} label="Your name (if you chose to give it)" labelSize="s" autoComplete="name" />
          </>
        ) : null}
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Send the challenge
        </button>
      </Form>
    </>
  );
}
