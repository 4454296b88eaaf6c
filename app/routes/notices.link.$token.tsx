/**
 * A rep's personal link from a notice email. Opening it shows a button; pressing it uses the
 * link once and signs the rep in. A GET never uses it up, so a mail scanner that follows
 * links cannot spend it. A used, expired or unknown link is the site's 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { createUserSession } from "~/auth/session.server";
import { pageTitle } from "~/components/page-title";
import { now } from "~/lib/clock";
import { ConfidentialBanner, confidentialHeaders } from "~/notifications/ConfidentialBanner";
import { consumeNoticeLink, peekNoticeLink } from "~/notifications/notices.server";
import { notFound } from "~/proposals/proposals.server";

export const headers = confidentialHeaders;

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: pageTitle(matches, "Confidential advance notice") }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const link = peekNoticeLink(params.token, now());
  if (!link) throw notFound();
  return link;
}

export async function action({ params }: ActionFunctionArgs) {
  const used = consumeNoticeLink(params.token, now());
  if (!used) throw notFound();
  return createUserSession(used.userId, `/notices/${encodeURIComponent(used.slug)}`);
}

export default function NoticeLink() {
  const { repName, title } = useLoaderData<typeof loader>();
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
