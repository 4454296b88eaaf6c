/**
 * Confirming an email subscription from the link in the confirmation email. Opening the link
 * shows a button; only pressing it confirms, so a mail scanner cannot confirm for someone.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { now } from "~/lib/clock";
import { confirmSubscription, peekConfirmation } from "~/notifications/subscriptions.server";
import { notFound } from "~/proposals/proposals.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Confirm your email updates") }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const found = peekConfirmation(params.token);
  if (!found) throw notFound();
  return found;
}

export async function action({ params }: ActionFunctionArgs) {
  const done = confirmSubscription(params.token, now());
  if (!done) throw notFound();
  return { confirmed: true as const };
}

export default function ConfirmSubscription() {
  const { what, confirmed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {confirmed || result?.confirmed ? (
          <>
            <h1 className="govuk-heading-l">You are subscribed</h1>
            <p className="govuk-body">We will email you about {what}. Every email has a link to stop them.</p>
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">Confirm your email updates</h1>
            <p className="govuk-body">Confirm that you want emails about {what}.</p>
            <Form method="post">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Confirm
              </button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
