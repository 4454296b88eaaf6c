/**
 * Form pieces shared by the response pages: the honeypot, the "Error: " title prefix, and the
 * comment form in each state it can be in (a resident, the council, someone who must sign in
 * first, or a closed consultation).
 */
import { useTranslation } from "~/i18n/react";
import { useEffect, useMemo, useState } from "react";
import { Form, Link } from "@remix-run/react";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ErrorSummaryItem } from "~/components/ErrorSummary";
import { Textarea, conformProps } from "~/components/form-fields";
import { COMMENT_MAX_CHARS, COMMENTS_CLOSED_MESSAGE } from "./rules";
import { HONEYPOT_FIELD, commentSchema } from "./schemas";

/**
 * A field people never see: hidden from view and from assistive technology, skipped by the
 * keyboard. A robot that fills in every field gives itself away.
 */
export function Honeypot() {
  const { t } = useTranslation();
  return (
    <div hidden>
      <label htmlFor={`${HONEYPOT_FIELD}-field`}>{t("common.honeypot")}</label>
      <input id={`${HONEYPOT_FIELD}-field`} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

/** GOV.UK: a page showing errors has a title starting "Error: ". meta() cannot see action data. */
export function useErrorTitle(hasErrors: boolean) {
  const { t } = useTranslation();
  const prefix = `${t("errors.errorPrefix")} `;
  useEffect(() => {
    if (!hasErrors) return;
    const base = document.title;
    if (!base.startsWith(prefix)) document.title = `${prefix}${base}`;
    return () => {
      document.title = base;
    };
  }, [hasErrors, prefix]);
}

/** The result of a form's Conform set-up plus what the error summary needs. */
export function useCommentForm(lastResult: SubmissionResult<string[]> | null | undefined, id = "comment-form") {
  const [blocked, setBlocked] = useState(0);
  const [form, fields] = useForm({
    id,
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: commentSchema }),
  });
  const errors: ErrorSummaryItem[] = [
    ...(form.errors ?? []).map((message) => ({ field: fields.body.id, message })),
    ...(fields.body.errors ?? []).map((message) => ({ field: fields.body.id, message })),
  ];
  const focusKey = useMemo(() => ({}), [blocked, lastResult]);
  useErrorTitle(errors.length > 0);
  return { form, fields, errors, focusKey, onBlocked: () => setBlocked((n) => n + 1) };
}

export type CommentFormState = ReturnType<typeof useCommentForm>;

export type CommentFormProps = {
  state: CommentFormState;
  mode: "respondent" | "official" | "sign-in" | "complete-profile" | "staff-cannot" | "closed";
  action: string;
  label: string;
  councilName: string;
  signInHref: string;
  profileHref: string | null;
  postingAs?: { name: string; capacity: string | null; changeHref: string } | null;
  submitText?: string;
};

export function CommentForm({ state, mode, action, label, councilName, signInHref, profileHref, postingAs, submitText = "Post comment" }: CommentFormProps) {
  if (mode === "closed") return <p className="govuk-body">{COMMENTS_CLOSED_MESSAGE}</p>;
  if (mode === "sign-in") {
    return (
      <p className="govuk-body">
        <Link className="govuk-link" to={signInHref}>
          Sign in with your email address to comment
        </Link>
        . You do not need a password: we email you a link.
      </p>
    );
  }
  if (mode === "complete-profile") {
    return (
      <p className="govuk-body">
        Before you comment,{" "}
        <Link className="govuk-link" to={profileHref ?? signInHref}>
          read how we use your information and choose how your name appears
        </Link>
        .
      </p>
    );
  }
  if (mode === "staff-cannot") {
    return (
      <div className="govuk-inset-text">
        You are signed in to the staff area. Only officers of the service running this consultation can comment here, and they answer for the council. To comment as a resident, sign out
        first.
      </div>
    );
  }
  return (
    <>
      {postingAs ? (
        // Outside the comment form: forms cannot nest, and signing out is a form of its own.
        <div className="govuk-body">
          Your comment will be shown as <strong>{postingAs.name}</strong>
          {postingAs.capacity ? `, ${postingAs.capacity}` : ""}.{" "}
          <Link className="govuk-link" to={postingAs.changeHref}>
            Change how you appear
          </Link>{" "}
          or{" "}
          <Form method="post" action="/respondents/sign-out" className="app-inline-form">
            <button type="submit" className="app-link-button">
              sign out
            </button>
          </Form>
          .
        </div>
      ) : null}
      <CommentFields state={state} mode={mode} action={action} label={label} councilName={councilName} submitText={submitText} />
    </>
  );
}

function CommentFields({ state, mode, action, label, councilName, submitText }: Pick<CommentFormProps, "state" | "mode" | "action" | "label" | "councilName" | "submitText">) {
  const { form, fields, onBlocked } = state;
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <Form
      method="post"
      action={action}
      {...formProps}
      onSubmit={(event) => {
        formProps.onSubmit(event);
        if (event.defaultPrevented) onBlocked();
      }}
    >
      <Honeypot />
      <Textarea
        {...conformProps(fields.body)}
        label={label}
        labelSize="m"
        rows={6}
        hint={
          <>
            {mode === "official" ? <>This will be shown as an official answer from {councilName}. </> : null}
            You can use **bold**, _italics_, lists, &gt; quotes and links. Up to {COMMENT_MAX_CHARS.toLocaleString("en-GB")} characters. Follow the{" "}
            <Link className="govuk-link" to="/house-rules">
              house rules
            </Link>
            .
          </>
        }
      />
      <button type="submit" className="govuk-button" data-module="govuk-button">
        {mode === "official" ? "Post official answer" : submitText}
      </button>
    </Form>
  );
}
