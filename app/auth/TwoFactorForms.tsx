/**
 * The pieces the second-factor pages share: the one-question code form (GOV.UK error summary
 * and "Error: " title) and the set-up panel with the QR code and the key typed by hand.
 */
import { Form } from "@remix-run/react";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextInput } from "~/components/form-fields";

export function CodeForm({ error, label, hint, button, intent }: { error?: string | null; label: string; hint: string; button: string; intent?: string }) {
  return (
    <>
      <ErrorSummary errors={error ? [{ field: "code", message: error }] : []} focusKey={error ?? undefined} />
      <Form method="post" noValidate>
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        <TextInput id="code" name="code" label={label} hint={hint} error={error ? [error] : undefined} autoComplete="one-time-code" inputMode="text" spellCheck={false} width="10" />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {button}
        </button>
      </Form>
    </>
  );
}

export function SetUpPanel({ qrSvg, secret }: { qrSvg: string; secret: string }) {
  return (
    <>
      <ol className="govuk-list govuk-list--number">
        <li>Open an authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator).</li>
        <li>Add an account and scan this QR code.</li>
      </ol>
      {/* An SVG made on the server from our own otpauth address: no script, no outside content. */}
      <div className="app-qr-code" style={{ width: 200, height: 200 }} dangerouslySetInnerHTML={{ __html: qrSvg }} aria-hidden="true" />
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">I cannot scan the QR code</span>
        </summary>
        <div className="govuk-details__text">
          Choose to enter a key by hand, and type: <code className="app-secret-key">{secret}</code> (time-based, 6 digits).
        </div>
      </details>
    </>
  );
}

export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Save these recovery codes now. You will not see them again.
        </strong>
      </div>
      <p className="govuk-body">If you lose your phone, each code signs you in once instead of a code from the app.</p>
      <ul className="govuk-list app-recovery-codes" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
