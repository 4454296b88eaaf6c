/**
 * A member of staff's second factor: set one up (optional for everyone; the council may
 * require it of admins and approvers), get new recovery codes, or turn it off. Each change
 * needs a current code from the app, so a session left open cannot change it alone.
 *
 * ?do=set-up shows the QR code and asks for a code; ?do=new-codes and ?do=turn-off ask for a
 * code. One question per page.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clientAddressFrom } from "~/auth/sign-in.server";
import { requireStaff } from "~/auth/session.server";
import { CodeForm, RecoveryCodes, SetUpPanel } from "~/auth/TwoFactorForms";
import { beginEnrolment, confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes, twoFactorStatus } from "~/auth/two-factor.server";
import { formatDateTime } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { SuccessBanner } from "~/components/SuccessBanner";

const TITLE = "Second factor for signing in";
const STEPS = ["set-up", "new-codes", "turn-off"] as const;
type Step = (typeof STEPS)[number];
const codeSchema = z.object({
  intent: z.enum(STEPS),
  code: z.string().trim().min(1, "Enter the 6-digit code your authenticator app shows").max(40, "Enter the 6-digit code your authenticator app shows"),
});

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, TITLE) }];

function stepFrom(request: Request): Step | null {
  const value = new URL(request.url).searchParams.get("do");
  return STEPS.find((s) => s === value) ?? null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  const status = twoFactorStatus(viewer.id);
  let step = stepFrom(request);
  // Steps that do not fit the state (set up while on, turn off while required) show the summary.
  if ((step === "set-up") === status.enabled || (step === "turn-off" && status.required)) step = null;
  const enrolment = step === "set-up" ? await beginEnrolment(viewer.id) : null;
  return { status, step, enrolment: enrolment ? { qrSvg: enrolment.qrSvg, secret: enrolment.secret } : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireStaff(request);
  const parsed = codeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: parsed.error.issues[0].message, done: null, recoveryCodes: null }, { status: 400 });
  const address = clientAddressFrom(context) ?? "unknown";
  const { intent, code } = parsed.data;
  const result = intent === "set-up" ? confirmEnrolment(viewer.id, code, address) : intent === "new-codes" ? regenerateRecoveryCodes(viewer.id, code, address) : disableTwoFactor(viewer.id, code, address);
  if (!result.ok) return data({ error: result.message, done: null, recoveryCodes: null }, { status: result.status });
  return { error: null, done: intent, recoveryCodes: result.recoveryCodes ?? null };
}

const DONE: Record<Step, string> = {
  "set-up": "Your second factor is set up.",
  "new-codes": "You have new recovery codes. The old ones no longer work.",
  "turn-off": "Your second factor is turned off.",
};

export default function TwoFactorAccount() {
  const { status, step, enrolment } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData?.done) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SuccessBanner>{DONE[actionData.done]}</SuccessBanner>
          <h1 className="govuk-heading-l">{TITLE}</h1>
          {actionData.recoveryCodes ? <RecoveryCodes codes={actionData.recoveryCodes} /> : null}
          <Link className="govuk-button" to="/staff/account/two-factor">
            Continue
          </Link>
        </div>
      </div>
    );
  }
  const error = actionData?.error;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={step ? "/staff/account/two-factor" : "/staff"} className="govuk-back-link">
          Back
        </Link>
        <span className="govuk-caption-l">Your account</span>
        <h1 className="govuk-heading-l">{TITLE}</h1>
        {step === "set-up" && enrolment ? (
          <>
            <SetUpPanel qrSvg={enrolment.qrSvg} secret={enrolment.secret} />
            <CodeForm error={error} intent="set-up" label="Code from the app" hint="Enter the 6 digits the app shows for this account." button="Turn on" />
          </>
        ) : step === "new-codes" ? (
          <CodeForm error={error} intent="new-codes" label="Code from the app" hint="Enter the 6 digits your app shows now. Your old recovery codes will stop working." button="Get new recovery codes" />
        ) : step === "turn-off" ? (
          <CodeForm error={error} intent="turn-off" label="Code from the app, or a recovery code" hint="You will then sign in with your password only." button="Turn off" />
        ) : status.enabled ? (
          <>
            <p className="govuk-body" data-testid="two-factor-status">
              On since {formatDateTime(status.enabledAt!)}. You have {status.recoveryCodesLeft} unused recovery {status.recoveryCodesLeft === 1 ? "code" : "codes"}.
            </p>
            <ul className="govuk-list">
              <li>
                <Link className="govuk-link" to="?do=new-codes">
                  Get new recovery codes
                </Link>
              </li>
              {status.required ? null : (
                <li>
                  <Link className="govuk-link" to="?do=turn-off">
                    Turn off the second factor
                  </Link>
                </li>
              )}
            </ul>
            {status.required ? <p className="govuk-body">The council requires a second factor for your role, so it cannot be turned off.</p> : null}
          </>
        ) : (
          <>
            <p className="govuk-body" data-testid="two-factor-status">
              Off. With a second factor, signing in needs your password and a code from an authenticator app on your phone, so a stolen password is not enough.
            </p>
            <Link className="govuk-button" to="?do=set-up" draggable={false} data-module="govuk-button">
              Set up a second factor
            </Link>
          </>
        )}
      </div>
    </div>
  );
}
