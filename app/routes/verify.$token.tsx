/**
 * Where a sign-in link lands. Following the link shows a button; pressing it uses the link.
 * Email scanners open links to check them, and a link used on GET would be spent before the
 * resident ever saw it.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { linkIsUsable, sessionCookieHeader, redeemSignInLink } from "~/responses/respondents.server";

export async function loader({ params }: LoaderFunctionArgs) {
  return { usable: linkIsUsable(params.token ?? "") };
}

export async function action({ params }: ActionFunctionArgs) {
  const used = redeemSignInLink(params.token ?? "");
  if (!used.ok) throw redirect(`/verify/${encodeURIComponent(params.token ?? "")}`);
  // The next page (the respond page, or the step before it) decides what is still to do.
  throw redirect(used.redirectTo, { headers: { "Set-Cookie": await sessionCookieHeader(used.sessionToken) } });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data?.usable ? "Confirm your email address" : "This link has expired or has been used") },
];

export default function Verify() {
  const { usable } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {usable ? (
          <>
            <h1 className="govuk-heading-l">Confirm your email address</h1>
            <p className="govuk-body">Continue to confirm your email address and carry on with your response.</p>
            <Form method="post">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Continue
              </button>
            </Form>
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">This link has expired or has been used</h1>
            <p className="govuk-body">Each link works once, for 1 hour after we send it.</p>
            <p className="govuk-body">
              <Link className="govuk-link" to="/respondents/sign-in">
                Get a new link
              </Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
