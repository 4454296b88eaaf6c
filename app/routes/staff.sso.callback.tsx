/**
 * Where the council's identity provider sends the browser back. A good answer signs the person
 * in; anything else (a wrong state, nonce or issuer, someone not invited) is refused here with
 * a message, nobody signed in, and the attempt in the audit log.
 */
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ssoProvider } from "~/auth/sso-config.server";
import { finishSso, forgetAttempt } from "~/auth/sso.server";
import { pageTitle } from "~/components/page-title";

const TITLE = "You have not been signed in";

// The refusal forgets the attempt (Set-Cookie) and is never cached.
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, TITLE) }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const result = await finishSso(request);
  if (result instanceof Response) return result;
  return data(
    { message: result.message, label: ssoProvider()?.label ?? "your council account", retry: result.status === 400 },
    { status: result.status, headers: { "Set-Cookie": await forgetAttempt(), "Cache-Control": "no-store" } },
  );
}

export default function SsoRefused() {
  const { message, label, retry } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{TITLE}</h1>
        <p className="govuk-body">{message}</p>
        {retry ? (
          <Form method="post" action="/staff/sso/start">
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Sign in with {label}
            </button>
          </Form>
        ) : null}
        <p className="govuk-body">
          <Link className="govuk-link" to="/staff/sign-in">
            Back to sign in
          </Link>
        </p>
      </div>
    </div>
  );
}
