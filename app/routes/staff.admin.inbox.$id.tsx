/** Admin, demo only: one email from the local inbox, as the recipient would read it. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { formatDateTime } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { SummaryList } from "~/components/SummaryList";
import { transportKind } from "~/notifications/delivery.server";
import { inboxMessage } from "~/notifications/outbox.server";
import { notFound } from "~/proposals/proposals.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${data.message.subject} – Demo inbox` : "Demo inbox") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:manage");
  if (transportKind() !== "local") throw notFound();
  const id = z.coerce.number().int().positive().safeParse(params.id);
  const message = id.success ? inboxMessage(id.data) : null;
  if (!message) throw notFound();
  return { message: { ...message, headers: Object.entries(message.headers ?? {}) } };
}

/** Plain text with its web addresses made into links, as a mail client would show it. */
function Body({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <div className="govuk-body" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} data-testid="email-body">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} className="govuk-link" href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </div>
  );
}

export default function InboxMessage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <>
      <Link to="/staff/admin/inbox" className="govuk-back-link">
        Demo inbox
      </Link>
      <h1 className="govuk-heading-l">{message.subject}</h1>
      <SummaryList
        rows={[
          { key: "To", value: message.toAddress },
          { key: "Delivered", value: formatDateTime(message.sentAt) },
          ...message.headers.map(([key, value]) => ({ key, value })),
        ]}
      />
      <Body text={message.textBody} />
    </>
  );
}
