/**
 * A rep's personal link from a notice email. Opening it shows a button; pressing it uses the
 * link once and signs the rep in. A GET never uses it up, so a mail scanner that follows
 * links cannot spend it. A used, expired, replaced or unknown link gets 410 Gone and a page
 * saying what to do, which names neither the rep nor the proposal.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { createUserSession } from "~/auth/session.server";
import { LINK_GONE_TITLE, LinkGone } from "~/components/LinkGone";
import { pageTitle } from "~/components/page-title";
import { now } from "~/lib/clock";
import { ConfidentialBanner, confidentialHeaders } from "~/notifications/ConfidentialBanner";
import { consumeNoticeLink, peekNoticeLink } from "~/notifications/notices.server";

export const headers = confidentialHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data && "repName" in data ? "Confidential advance notice" : LINK_GONE_TITLE) },
  { name: "robots", content: "noindex" },
];

const gone = () => data({ gone: true as const }, { status: 410 });

export async function loader({ params }: LoaderFunctionArgs) {
  return peekNoticeLink(params.token, now()) ?? gone();
}

export async function action({ params }: ActionFunctionArgs) {
  const used = consumeNoticeLink(params.token, now());
  if (!used) return gone();
  return createUserSession(used.userId, `/notices/${encodeURIComponent(used.slug)}`);
}

export default function NoticeLink() {
  const link = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  if (!("repName" in link) || answer) {
    return (
      <LinkGone>
        <p className="govuk-body">The link in a notice email works once, for a few days, and a newer link stops an older one working. It also stops working once the notice period is over.</p>
        <p className="govuk-body">
          If you have used it already, <Link className="govuk-link" to="/notices">see your advance notices</Link> (you may need to sign in). Otherwise, ask the council officer named in the notice email to send you a new link.
        </p>
      </LinkGone>
    );
  }
  const { repName, title } = link;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ConfidentialBanner repName={repName} />
        <h1 className="govuk-heading-l">Confidential advance notice of a proposal</h1>
        <p className="govuk-body">{title}</p>
        <p className="govuk-body">This link is personal to {repName}. Continuing signs you in, and the link then stops working.</p>
        <Form method="post">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Continue to the notice
          </button>
        </Form>
      </div>
    </div>
  );
}
