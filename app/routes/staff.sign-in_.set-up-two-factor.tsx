/**
 * Signing in when the council requires a second factor for this person's role and they have
 * none yet: set one up now (scan, confirm a code), save the recovery codes, then carry on.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CodeForm, RecoveryCodes, SetUpPanel } from "~/auth/TwoFactorForms";
import { clientAddressFrom } from "~/auth/sign-in.server";
import { beginEnrolment, completeSignIn, confirmEnrolment, readPendingSignIn } from "~/auth/two-factor.server";
import { pageTitle } from "~/components/page-title";

const TITLE = "Set up a second way to prove it is you";
const codeSchema = z.object({ code: z.string().trim().min(1, "Enter the 6-digit code your authenticator app shows").max(40, "Enter the 6-digit code your authenticator app shows") });

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, TITLE) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const p = await readPendingSignIn(request);
  if (!p || !p.enrol) throw redirect("/staff/sign-in");
  const enrolment = await beginEnrolment(p.userId);
  if (!enrolment) throw redirect("/staff/sign-in");
  return { qrSvg: enrolment.qrSvg, secret: enrolment.secret };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const p = await readPendingSignIn(request);
  if (!p || !p.enrol) throw redirect("/staff/sign-in");
  const parsed = codeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: parsed.error.issues[0].message, recoveryCodes: null }, { status: 400 });
  const result = confirmEnrolment(p.userId, parsed.data.code, clientAddressFrom(context) ?? "unknown");
  if (!result.ok) return data({ error: result.message, recoveryCodes: null }, { status: result.status });
  // The session starts now; the codes are shown on this answer only.
  const session = await completeSignIn(p);
  return data({ error: null, recoveryCodes: result.recoveryCodes ?? [], next: session.headers.get("Location") ?? "/staff" }, { headers: session.headers });
}

export default function SetUpTwoFactorAtSignIn() {
  const { qrSvg, secret } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData?.recoveryCodes) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Your second factor is set up</h1>
          <RecoveryCodes codes={actionData.recoveryCodes} />
          <Link className="govuk-button" to={"next" in actionData ? actionData.next : "/staff"}>
            Continue
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">Sign in to the staff area</span>
        <h1 className="govuk-heading-l">{TITLE}</h1>
        <p className="govuk-body">The council asks admins and approvers to confirm each sign-in with a code from an app on their phone.</p>
        <SetUpPanel qrSvg={qrSvg} secret={secret} />
        <CodeForm error={actionData?.error} label="Code from the app" hint="Enter the 6 digits the app shows for this account." button="Continue" />
      </div>
    </div>
  );
}
