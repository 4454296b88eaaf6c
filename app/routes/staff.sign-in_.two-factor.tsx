/**
 * Signing in, step two: the code from the authenticator app, or a recovery code. Reached only
 * with the short-lived cookie set after the password (auth/two-factor.server.ts).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { z } from "zod";
import { CodeForm } from "~/auth/TwoFactorForms";
import { clientAddressFrom } from "~/auth/sign-in.server";
import { completeSignIn, readPendingSignIn, verifySecondFactor } from "~/auth/two-factor.server";
import { pageTitle } from "~/components/page-title";

const TITLE = "Enter the code from your authenticator app";
const codeSchema = z.object({ code: z.string().trim().min(1, "Enter the 6-digit code from your authenticator app").max(40, "Enter the 6-digit code from your authenticator app") });

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, TITLE) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const p = await readPendingSignIn(request);
  if (!p || p.enrol) throw redirect("/staff/sign-in");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const p = await readPendingSignIn(request);
  if (!p || p.enrol) throw redirect("/staff/sign-in");
  const parsed = codeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: parsed.error.issues[0].message }, { status: 400 });
  const result = verifySecondFactor(p.userId, parsed.data.code, clientAddressFrom(context) ?? "unknown");
  if (!result.ok) return data({ error: result.message }, { status: result.status });
  return completeSignIn(p);
}

export default function TwoFactorSignIn() {
  const actionData = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">Sign in to the staff area</span>
        <h1 className="govuk-heading-l">{TITLE}</h1>
        <CodeForm error={actionData?.error} label="Code" hint="The 6 digits your app shows now. If you have lost your phone, enter one of your recovery codes." button="Continue" />
      </div>
    </div>
  );
}
