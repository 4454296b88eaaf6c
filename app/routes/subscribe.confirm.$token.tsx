/**
 * Confirming an email subscription from the link in the confirmation email. Opening the link
 * shows a button; only pressing it confirms, so a mail scanner cannot confirm for someone. A link
 * that no longer works (the subscription was stopped, or the link is not whole) gets 410 Gone and
 * a page saying how to sign up again.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { LinkGone } from "~/components/LinkGone";
import { pageTitle } from "~/components/page-title";
import { now } from "~/lib/clock";
import { confirmSubscription, peekConfirmation } from "~/notifications/subscriptions.server";

const GONE = "This link no longer works";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data && "what" in data ? "Confirm your email updates" : GONE) },
  { name: "robots", content: "noindex" },
];

const gone = () => data({ gone: true as const }, { status: 410 });

export async function loader({ params }: LoaderFunctionArgs) {
  return peekConfirmation(params.token) ?? gone();
}

export async function action({ params }: ActionFunctionArgs) {
  const done = confirmSubscription(params.token, now());
  if (!done) return gone();
  return { confirmed: true as const };
}

export default function ConfirmSubscription() {
  const found = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!("what" in found) || (result && "gone" in result)) {
    return (
      <LinkGone heading={GONE}>
        <p className="govuk-body">The email updates this link would confirm have been stopped since it was sent, or the link is not complete.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/subscribe">
            Sign up for email updates again
          </Link>
          : we will send you a new link to confirm.
        </p>
      </LinkGone>
    );
  }
  const { what, confirmed } = found;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {confirmed || (result && "confirmed" in result) ? (
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
