/**
 * Form pieces shared by the response pages: the honeypot, and the comment form in each state it
 * can be in (a resident, the council, someone who must sign in first, or a closed consultation).
 */
import { useContentLang, useLanguage, useLocalHref, useTranslation } from "~/i18n/react";
import { translator } from "~/i18n/i18n";
import { useRichTranslation } from "~/i18n/rich";
import { useMemo, useState } from "react";
import { Form, Link } from "@remix-run/react";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ErrorSummaryItem } from "~/components/ErrorSummary";
import { Textarea, conformProps } from "~/components/form-fields";
import { COMMENT_MAX_CHARS, type ShownAuthor } from "./rules";
import { HONEYPOT_FIELD, commentSchemaIn } from "./schemas";
import { AuthorCapacity, AuthorName } from "./CommentThread";

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

/** The result of a form's Conform set-up plus what the error summary needs. */
export function useCommentForm(lastResult: SubmissionResult<string[]> | null | undefined, id = "comment-form") {
  const [blocked, setBlocked] = useState(0);
  const lang = useLanguage();
  const commentSchema = useMemo(() => commentSchemaIn(translator(lang)), [lang]);
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
  postingAs?: (ShownAuthor & { changeHref: string }) | null;
  submitText?: string;
};

export function CommentForm({ state, mode, action, label, councilName, signInHref, profileHref, postingAs, submitText }: CommentFormProps) {
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const href = useLocalHref();
  if (mode === "closed") return <p className="govuk-body">{t("commentPages.form.closed")}</p>;
  if (mode === "sign-in") {
    return (
      <p className="govuk-body">
        <Link className="govuk-link" to={href(signInHref)}>
          {t("commentPages.form.signInLink")}
        </Link>
        {t("commentPages.form.signInAfter")}
      </p>
    );
  }
  if (mode === "complete-profile") {
    return (
      <p className="govuk-body">
        {rt("commentPages.form.profile", {
          link: (
            <Link className="govuk-link" to={href(profileHref ?? signInHref)}>
              {t("commentPages.form.profileLink")}
            </Link>
          ),
        })}
      </p>
    );
  }
  if (mode === "staff-cannot") {
    return <div className="govuk-inset-text">{t("commentPages.form.staffCannot")}</div>;
  }
  return (
    <>
      {postingAs ? (
        // Outside the comment form: forms cannot nest, and signing out is a form of its own.
        <div className="govuk-body">
          {rt("commentPages.form.postingAs", {
            name: (
              <strong>
                <AuthorName author={postingAs} />
                <AuthorCapacity author={postingAs} />
              </strong>
            ),
            change: (
              <Link className="govuk-link" to={href(postingAs.changeHref)}>
                {t("commentPages.form.changeHowYouAppear")}
              </Link>
            ),
            signOut: (
              <Form method="post" action="/respondents/sign-out" className="app-inline-form">
                <button type="submit" className="app-link-button">
                  {t("commentPages.form.signOut")}
                </button>
              </Form>
            ),
          })}
        </div>
      ) : null}
      <CommentFields state={state} mode={mode} action={action} label={label} councilName={councilName} submitText={submitText ?? t("commentPages.form.post")} />
    </>
  );
}

function CommentFields({ state, mode, action, label, councilName, submitText }: Pick<CommentFormProps, "state" | "mode" | "action" | "label" | "councilName" | "submitText">) {
  const { form, fields, onBlocked } = state;
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const href = useLocalHref();
  const contentLang = useContentLang();
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <Form
      method="post"
      action={href(action)}
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
        data-as-written=""
        rows={6}
        hint={
          <>
            {mode === "official" ? <>{rt("commentPages.form.officialHint", { council: <span lang={contentLang}>{councilName}</span> })} </> : null}
            {rt("commentPages.form.hint", {
              max: COMMENT_MAX_CHARS.toLocaleString("en-GB"),
              rules: (
                <Link className="govuk-link" to={href("/house-rules")}>
                  {t("commentPages.form.houseRules")}
                </Link>
              ),
            })}
          </>
        }
      />
      <button type="submit" className="govuk-button" data-module="govuk-button">
        {mode === "official" ? t("commentPages.form.postOfficial") : submitText}
      </button>
    </Form>
  );
}
