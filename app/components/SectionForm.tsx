/**
 * The frame of every page an officer fills in: a back link, the error summary ("There is a
 * problem", linking to each field and taking focus), the caption and heading, the hidden
 * revision (two people editing), the change note once the consultation is open, and the
 * buttons "Continue" and "Save and come back later".
 *
 * Validation happens on the server (the section's zod schema through Conform); this side reads
 * Conform's last result for the messages and for what the officer typed, so nothing is lost.
 */
import { useMemo, type ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import { useForm, type SubmissionResult } from "@conform-to/react";
import { fieldAnchor } from "~/proposals/sections/pages";
import type { DateParts } from "~/proposals/sections/fields";
import { ErrorSummary, type ErrorSummaryItem } from "./ErrorSummary";
import { DateInput, Radios, Textarea } from "./form-fields";
import { formatDate } from "./format";

/** What a section action answers with when it does not redirect (route.server.ts FormReply). */
export type SectionReply = {
  lastResult: SubmissionResult<string[]>;
  revision: number;
  preview?: { field: string; html: string };
};

export type SectionFormState = {
  /** the saved value, or what the officer typed when the save was refused */
  text: (name: string) => string;
  list: (name: string) => string[];
  date: (name: string) => DateParts;
  error: (name: string) => string[] | undefined;
  errors: ErrorSummaryItem[];
  revision: number;
  preview?: { field: string; html: string };
  /** changes on each new answer from the server, so the summary takes focus again */
  replyKey: unknown;
};

export function useSectionForm({
  id,
  defaults,
  reply,
  revision,
  firstField,
}: {
  id: string;
  defaults: Record<string, unknown>;
  reply: SectionReply | undefined;
  revision: number;
  /** where a message about the whole form links to */
  firstField: string;
}): SectionFormState {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each page has its own shape; the schema lives on the server
  const [form] = useForm<Record<string, any>>({ id, lastResult: reply?.lastResult, defaultValue: defaults, shouldValidate: "onSubmit" });
  const values = (reply?.lastResult.initialValue ?? defaults) as Record<string, unknown>;
  const allErrors = form.allErrors as Record<string, string[]>;
  const errors = useMemo(
    () =>
      Object.entries(allErrors).flatMap(([name, messages]) =>
        (messages ?? []).map((message) => ({ field: name ? fieldAnchor(name.split(".")[0]) : firstField, message })),
      ),
    [allErrors, firstField],
  );
  return {
    text: (name) => {
      const v = values[name];
      return typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : "";
    },
    list: (name) => {
      const v = values[name];
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" && v ? [v] : [];
    },
    date: (name) => {
      const v = values[name];
      return v && typeof v === "object" && !Array.isArray(v) ? (v as DateParts) : {};
    },
    error: (name) => allErrors[name],
    errors,
    revision: reply?.revision ?? revision,
    preview: reply?.preview,
    replyKey: reply,
  };
}

export function SectionFormPage({
  formId,
  state,
  caption,
  heading,
  backHref,
  backText = "Back to the task list",
  intro,
  isPublicEdit,
  closesOn,
  encType,
  continueText = "Continue",
  saveLater = true,
  removeText,
  needs = [],
  children,
  after,
}: {
  formId: string;
  state: SectionFormState;
  caption: string;
  /** the page's h1; leave it out when a field's label is the heading */
  heading?: ReactNode;
  backHref: string;
  backText?: string;
  intro?: ReactNode;
  isPublicEdit: boolean;
  closesOn?: string | null;
  encType?: "multipart/form-data";
  continueText?: string;
  saveLater?: boolean;
  /** a row's "Remove" button; once open, the removal carries the change note like any change */
  removeText?: string;
  /** what the gate still asks of this section */
  needs?: { message: string; href: string }[];
  children: ReactNode;
  /** below the form, such as a remove button in its own form */
  after?: ReactNode;
}) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={backHref} className="govuk-back-link">
          {backText}
        </Link>
        <ErrorSummary errors={state.errors} focusKey={state.replyKey} />
        <span className="govuk-caption-l">{caption}</span>
        {heading ? <h1 className="govuk-heading-l">{heading}</h1> : null}
        {intro}
        <SectionNeeds items={needs} />
        <Form method="post" id={formId} noValidate encType={encType}>
          <input type="hidden" name="revision" value={state.revision} />
          {children}
          {isPublicEdit ? <PublicChangeFields state={state} closesOn={closesOn ?? null} /> : null}
          <div className="govuk-button-group">
            <button type="submit" name="intent" value="continue" className="govuk-button" data-module="govuk-button">
              {continueText}
            </button>
            {saveLater ? (
              <button type="submit" name="intent" value="save" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                Save and come back later
              </button>
            ) : null}
          </div>
          {removeText ? (
            <button type="submit" name="intent" value="remove" className="govuk-button govuk-button--warning" data-module="govuk-button">
              {removeText}
            </button>
          ) : null}
        </Form>
        {after}
      </div>
    </div>
  );
}

/**
 * Once the consultation is open, a change is published as a new version: the officer says what
 * changed and why, and whether it is material (if so, whether to give people longer).
 */
export function PublicChangeFields({ state, closesOn }: { state: SectionFormState; closesOn: string | null }) {
  return (
    <div className="govuk-inset-text">
      <h2 className="govuk-heading-m">Publishing this change</h2>
      <p className="govuk-body">The consultation is open, so this change is published straight away as a new version on its history page.</p>
      <Textarea
        id="changeNote"
        name="changeNote"
        label="What did you change, and why?"
        labelSize="s"
        hint="Published with the change, for example: 'Corrected the number of assessments a year from 540 to 450'."
        rows={3}
        defaultValue={state.text("changeNote")}
        error={state.error("changeNote")}
      />
      <Radios
        id="material"
        name="material"
        legend="Is this a material change?"
        legendSize="s"
        hint="A material change alters what people are responding to, such as the posts affected, the options, the risks or the equality impact. People who have already responded will be told."
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
        defaultValue={state.text("material")}
        error={state.error("material")}
        inline
      />
      <Radios
        id="extendClosing"
        name="extendClosing"
        legend="If it is material, do you want to extend the closing date?"
        legendSize="s"
        hint={closesOn ? `The consultation closes on ${formatDate(closesOn)}.` : undefined}
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
        defaultValue={state.text("extendClosing")}
        error={state.error("extendClosing")}
        inline
      />
      <DateInput
        id="newClosesOn"
        name="newClosesOn"
        legend="New closing date (only if extending)"
        legendSize="s"
        hint="For example, 27 4 2026"
        defaultValue={state.date("newClosesOn")}
        error={state.error("newClosesOn")}
      />
    </div>
  );
}

/** What the publication gate still asks of this section, each item linking to its field. */
export function SectionNeeds({ items }: { items: { message: string; href: string }[] }) {
  if (!items.length) return null;
  return (
    <div className="govuk-inset-text" data-testid="section-needs">
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2">Still needed before this can be published</p>
      <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
        {items.map((item, i) => (
          <li key={i}>
            <Link className="govuk-link" to={item.href}>
              {item.message}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
