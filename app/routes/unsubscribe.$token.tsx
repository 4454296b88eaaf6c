/**
 * Unsubscribing, without signing in: the token in the link is the permission.
 *
 * RFC 8058 one-click: every email carries `List-Unsubscribe: <this address>` and
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, and a mail client POSTs
 * "List-Unsubscribe=One-Click" here with no cookies; any POST unsubscribes. A GET (a person
 * following the link, or a scanner fetching it) only shows the button, and changes nothing.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { now } from "~/lib/clock";
import { peekUnsubscribe, unsubscribe } from "~/notifications/subscriptions.server";
import { notFound } from "~/proposals/proposals.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Stop email updates") }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const found = peekUnsubscribe(params.token);
  if (!found) throw notFound();
  return found;
}

export async function action({ params }: ActionFunctionArgs) {
  const done = unsubscribe(params.token, now());
  if (!done) throw notFound();
  return { unsubscribed: true as const };
}

export default function Unsubscribe() {
  const { what, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {done || result?.unsubscribed ? (
          <>
            <h1 className="govuk-heading-l">You have unsubscribed</h1>
            <p className="govuk-body">We will not email you about {what} again.</p>
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">Stop email updates</h1>
            <p className="govuk-body">Stop emails about {what}.</p>
            <Form method="post">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Unsubscribe
              </button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
