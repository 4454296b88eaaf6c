/**
 * Form fields in the GOV.UK Design System's markup (govuk-frontend class names), shared by
 * sign-in and the guided proposal forms. Each field has a label or legend, an optional hint,
 * and an error message beside it that repeats the error summary's text; hint and error are
 * tied to the input with aria-describedby.
 *
 * Fields are uncontrolled (defaultValue) so forms work before JavaScript loads. With Conform,
 * spread `conformProps(fields.x)` for id, name, error and defaultValue.
 */
import { useEffect, useRef, useState, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";
import { useTranslation } from "~/i18n/react";

type Errors = string | readonly string[] | null | undefined;
type Size = "s" | "m" | "l" | "xl";

type FieldBase = {
  id: string;
  name: string;
  hint?: ReactNode;
  /** the first message is shown; the error summary should show the same text */
  error?: Errors;
};

type LabelledField = FieldBase & {
  label: ReactNode;
  /** GOV.UK "question pages": the label is the page's h1 */
  isPageHeading?: boolean;
  labelSize?: Size;
};

type FieldsetField = FieldBase & {
  legend: ReactNode;
  isPageHeading?: boolean;
  legendSize?: Size;
};

export function firstError(error: Errors): string | undefined {
  if (!error) return undefined;
  return typeof error === "string" ? error : error[0];
}

function cx(...names: (string | false | null | undefined)[]) {
  return names.filter(Boolean).join(" ");
}

/** aria-describedby from whichever of hint and error are present (ReactNode hints may be 0 or "") */
function describedBy(...ids: unknown[]) {
  return ids.filter((x): x is string => typeof x === "string" && x.length > 0).join(" ") || undefined;
}

/** What a Conform field gives our fields: `<TextInput {...conformProps(fields.email)} />`. */
export function conformProps(field: { id: string; name: string; errors?: string[]; initialValue?: unknown }) {
  return {
    id: field.id,
    name: field.name,
    error: field.errors,
    defaultValue: typeof field.initialValue === "string" ? field.initialValue : undefined,
  };
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t("errors.errorPrefix")}</span> {children}
    </p>
  );
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="govuk-hint">
      {children}
    </div>
  );
}

function Label({ htmlFor, isPageHeading, size, children }: { htmlFor: string; isPageHeading?: boolean; size?: Size; children: ReactNode }) {
  const label = (
    <label className={cx("govuk-label", size && `govuk-label--${size}`)} htmlFor={htmlFor}>
      {children}
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}

function Legend({ isPageHeading, size, children }: { isPageHeading?: boolean; size?: Size; children: ReactNode }) {
  const className = cx("govuk-fieldset__legend", size && `govuk-fieldset__legend--${size}`);
  return (
    <legend className={className}>
      {isPageHeading ? <h1 className="govuk-fieldset__heading">{children}</h1> : children}
    </legend>
  );
}

function FormGroup({ error, className, children }: { error?: string; className?: string; children: ReactNode }) {
  return <div className={cx("govuk-form-group", error && "govuk-form-group--error", className)}>{children}</div>;
}

/** A form group whose label, hint and error message sit above one control (GOV.UK order). */
function LabelledGroup({
  id,
  label,
  hint,
  message,
  isPageHeading,
  labelSize,
  className,
  children,
}: { id: string; label: ReactNode; hint?: ReactNode; message?: string; isPageHeading?: boolean; labelSize?: Size; className?: string; children: ReactNode }) {
  return (
    <FormGroup error={message} className={className}>
      <Label htmlFor={id} isPageHeading={isPageHeading} size={labelSize}>
        {label}
      </Label>
      {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
      {message ? <ErrorMessage id={errorId(id)}>{message}</ErrorMessage> : null}
      {children}
    </FormGroup>
  );
}

/** The ids that hint and error get, so a page can point at them. */
export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

// ─── Text input ────────────────────────────────────────────────────────────────

type Width = "2" | "3" | "4" | "5" | "10" | "20" | "30" | "full" | "three-quarters" | "two-thirds" | "one-half" | "one-third" | "one-quarter";

function widthClass(width: Width | undefined) {
  if (!width) return undefined;
  return /^\d+$/.test(width) ? `govuk-input--width-${width}` : `govuk-!-width-${width}`;
}

type NativeInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "className" | "aria-describedby" | "children">;

export function TextInput({
  id,
  name,
  label,
  hint,
  error,
  isPageHeading,
  labelSize,
  width,
  prefix,
  suffix,
  type = "text",
  ...rest
}: LabelledField &
  NativeInputProps & {
    width?: Width;
    /** shown before the input, e.g. "£" */
    prefix?: string;
    /** shown after the input, e.g. "FTE" or "per year" */
    suffix?: string;
  }) {
  const message = firstError(error);
  const input = (
    <input
      {...rest}
      className={cx("govuk-input", widthClass(width), message && "govuk-input--error")}
      id={id}
      name={name}
      type={type}
      aria-describedby={describedBy(hint && hintId(id), message && errorId(id))}
    />
  );
  return (
    <LabelledGroup id={id} label={label} hint={hint} message={message} isPageHeading={isPageHeading} labelSize={labelSize}>
      {prefix || suffix ? (
        <div className="govuk-input__wrapper">
          {prefix ? (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          ) : null}
          {input}
          {suffix ? (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          ) : null}
        </div>
      ) : (
        input
      )}
    </LabelledGroup>
  );
}

// ─── Password ──────────────────────────────────────────────────────────────────

/**
 * GOV.UK password input. The Show button appears only once JavaScript runs (it does nothing
 * without it), and the password is hidden again on submit so browsers do not treat it as
 * ordinary text.
 */
export function PasswordInput({
  id,
  name,
  label,
  hint,
  error,
  isPageHeading,
  labelSize,
  autoComplete = "current-password",
  ...rest
}: LabelledField & Omit<NativeInputProps, "type" | "defaultValue" | "value">) {
  const message = firstError(error);
  const [hydrated, setHydrated] = useState(false);
  const [visible, setVisible] = useState(false);
  // Announce the state only after the user has toggled it, not on page load.
  const [toggled, setToggled] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setHydrated(true);
    const form = inputRef.current?.form;
    if (!form) return;
    const hide = () => setVisible(false);
    form.addEventListener("submit", hide);
    return () => form.removeEventListener("submit", hide);
  }, []);

  return (
    <LabelledGroup id={id} label={label} hint={hint} message={message} isPageHeading={isPageHeading} labelSize={labelSize} className="govuk-password-input">
      <div className="govuk-input__wrapper govuk-password-input__wrapper">
        <input
          {...rest}
          ref={inputRef}
          className={cx("govuk-input govuk-password-input__input", message && "govuk-input--error")}
          id={id}
          name={name}
          type={visible ? "text" : "password"}
          spellCheck={false}
          autoCapitalize="none"
          autoComplete={autoComplete}
          aria-describedby={describedBy(hint && hintId(id), message && errorId(id))}
        />
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-password-input__toggle"
          aria-controls={id}
          aria-label={visible ? "Hide password" : "Show password"}
          hidden={!hydrated}
          onClick={() => {
            setVisible((v) => !v);
            setToggled(true);
          }}
        >
          {visible ? "Hide" : "Show"}
        </button>
      </div>
      <div className="govuk-password-input__sr-status govuk-visually-hidden" aria-live="polite">
        {toggled ? (visible ? "Your password is visible" : "Your password is hidden") : ""}
      </div>
    </LabelledGroup>
  );
}

// ─── Textarea ──────────────────────────────────────────────────────────────────

export function Textarea({
  id,
  name,
  label,
  hint,
  error,
  isPageHeading,
  labelSize,
  rows = 5,
  ...rest
}: LabelledField & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "className" | "aria-describedby" | "children">) {
  const message = firstError(error);
  return (
    <LabelledGroup id={id} label={label} hint={hint} message={message} isPageHeading={isPageHeading} labelSize={labelSize}>
      <textarea
        {...rest}
        className={cx("govuk-textarea", message && "govuk-textarea--error")}
        id={id}
        name={name}
        rows={rows}
        aria-describedby={describedBy(hint && hintId(id), message && errorId(id))}
      />
    </LabelledGroup>
  );
}

// ─── Radios and checkboxes ─────────────────────────────────────────────────────

/** `name`: a checkbox of its own name (each a yes/no), where the group's name would not do */
export type Choice = { value: string; label: ReactNode; hint?: ReactNode; name?: string };

/** GOV.UK ids: the first option takes the field's id (the error summary links to it). */
function optionId(id: string, index: number) {
  return index === 0 ? id : `${id}-${index + 1}`;
}

function ChoiceFieldset({
  kind,
  id,
  name,
  legend,
  hint,
  error,
  isPageHeading,
  legendSize,
  options,
  isChecked,
  inline,
  small,
}: FieldsetField & {
  kind: "radios" | "checkboxes";
  options: readonly Choice[];
  isChecked: (value: string) => boolean;
  inline?: boolean;
  small?: boolean;
}) {
  const message = firstError(error);
  const base = `govuk-${kind}`;
  return (
    <FormGroup error={message}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(hint && hintId(id), message && errorId(id))}>
        <Legend isPageHeading={isPageHeading} size={legendSize}>
          {legend}
        </Legend>
        {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
        {message ? <ErrorMessage id={errorId(id)}>{message}</ErrorMessage> : null}
        <div className={cx(base, inline && `${base}--inline`, small && `${base}--small`)} data-module={`govuk-${kind}`}>
          {options.map((option, index) => {
            const inputId = optionId(id, index);
            const itemHintId = `${inputId}-item-hint`;
            return (
              <div className={`${base}__item`} key={option.value}>
                <input
                  className={`${base}__input`}
                  id={inputId}
                  name={option.name ?? name}
                  type={kind === "radios" ? "radio" : "checkbox"}
                  value={option.value}
                  defaultChecked={isChecked(option.value)}
                  aria-describedby={option.hint ? itemHintId : undefined}
                />
                <label className={`govuk-label ${base}__label`} htmlFor={inputId}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div id={itemHintId} className={`govuk-hint ${base}__hint`}>
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}

export function Radios({
  defaultValue,
  ...props
}: FieldsetField & { options: readonly Choice[]; defaultValue?: string | null; inline?: boolean; small?: boolean }) {
  return <ChoiceFieldset {...props} kind="radios" isChecked={(v) => v === defaultValue} />;
}

export function Checkboxes({
  defaultValue,
  ...props
}: FieldsetField & { options: readonly Choice[]; defaultValue?: readonly string[] | string | null; small?: boolean }) {
  const checked = new Set(defaultValue == null ? [] : typeof defaultValue === "string" ? [defaultValue] : defaultValue);
  return <ChoiceFieldset {...props} kind="checkboxes" isChecked={(v) => checked.has(v)} />;
}

// ─── File upload ───────────────────────────────────────────────────────────────

/** GOV.UK file upload. A file cannot be kept after a refused upload: say so beside the field. */
export function FileUpload({
  id,
  name,
  label,
  hint,
  error,
  isPageHeading,
  labelSize,
  accept,
}: LabelledField & { accept?: string }) {
  const message = firstError(error);
  return (
    <LabelledGroup id={id} label={label} hint={hint} message={message} isPageHeading={isPageHeading} labelSize={labelSize}>
      <input
        className={cx("govuk-file-upload", message && "govuk-file-upload--error")}
        id={id}
        name={name}
        type="file"
        accept={accept}
        aria-describedby={describedBy(hint && hintId(id), message && errorId(id))}
      />
    </LabelledGroup>
  );
}

// ─── Select ────────────────────────────────────────────────────────────────────

export function Select({
  id,
  name,
  label,
  hint,
  error,
  isPageHeading,
  labelSize,
  options,
  defaultValue,
}: LabelledField & { options: readonly { value: string; label: string }[]; defaultValue?: string | null }) {
  const message = firstError(error);
  return (
    <LabelledGroup id={id} label={label} hint={hint} message={message} isPageHeading={isPageHeading} labelSize={labelSize}>
      <select
        className={cx("govuk-select", message && "govuk-select--error")}
        id={id}
        name={name}
        defaultValue={defaultValue ?? undefined}
        aria-describedby={describedBy(hint && hintId(id), message && errorId(id))}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </LabelledGroup>
  );
}

// ─── Date ──────────────────────────────────────────────────────────────────────

export type DateParts = { day?: string; month?: string; year?: string };
type DatePart = keyof DateParts;

/**
 * GOV.UK date input: three boxes in a fieldset. Inputs are named `${name}.day`, `.month` and
 * `.year` (Conform reads them as one object) and given ids `${id}-day` and so on: link the
 * error summary to `${id}-day`, or to the first part named in `errorParts`.
 */
export function DateInput({
  id,
  name,
  legend,
  hint,
  error,
  isPageHeading,
  legendSize,
  defaultValue,
  errorParts,
}: FieldsetField & {
  defaultValue?: DateParts | null;
  /** which boxes to mark as wrong; all three when there is an error and this is not given */
  errorParts?: readonly DatePart[];
}) {
  const message = firstError(error);
  const marked = new Set<DatePart>(message ? (errorParts ?? ["day", "month", "year"]) : []);
  const parts: { part: DatePart; label: string; width: "2" | "4" }[] = [
    { part: "day", label: "Day", width: "2" },
    { part: "month", label: "Month", width: "2" },
    { part: "year", label: "Year", width: "4" },
  ];
  return (
    <FormGroup error={message}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(hint && hintId(id), message && errorId(id))}>
        <Legend isPageHeading={isPageHeading} size={legendSize}>
          {legend}
        </Legend>
        {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
        {message ? <ErrorMessage id={errorId(id)}>{message}</ErrorMessage> : null}
        <div className="govuk-date-input" id={id}>
          {parts.map(({ part, label, width }) => (
            <div className="govuk-date-input__item" key={part}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>
                  {label}
                </label>
                <input
                  className={cx("govuk-input govuk-date-input__input", `govuk-input--width-${width}`, marked.has(part) && "govuk-input--error")}
                  id={`${id}-${part}`}
                  name={`${name}.${part}`}
                  type="text"
                  inputMode="numeric"
                  defaultValue={defaultValue?.[part] ?? undefined}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </FormGroup>
  );
}

