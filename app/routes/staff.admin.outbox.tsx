/** Admin: every email the council has queued, sent or failed to send, with retry. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { formatDateTime } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { transportKind } from "~/notifications/delivery.server";
import { listOutbox, outboxCounts, retryEmail, type OutboxStatus } from "~/notifications/outbox.server";
import { SuccessBanner } from "~/components/SuccessBanner";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Email outbox – Admin") }];

const FILTERS: Record<string, { label: string; statuses: OutboxStatus[] }> = {
  waiting: { label: "Waiting", statuses: ["queued", "sending"] },
  failed: { label: "Failed", statuses: ["failed"] },
  sent: { label: "Sent", statuses: ["sent"] },
};

const STATUS_TAGS: Record<OutboxStatus, { text: string; className: string }> = {
  queued: { text: "Waiting", className: "govuk-tag govuk-tag--yellow" },
  sending: { text: "Sending", className: "govuk-tag govuk-tag--light-blue" },
  sent: { text: "Sent", className: "govuk-tag govuk-tag--green" },
  failed: { text: "Failed", className: "govuk-tag govuk-tag--red" },
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:manage");
  const filter = new URL(request.url).searchParams.get("show") ?? "waiting";
  const chosen = FILTERS[filter] ? filter : "waiting";
  return { counts: outboxCounts(), filter: chosen, messages: listOutbox(FILTERS[chosen].statuses), transport: transportKind() };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "admin:manage");
  const form = await request.formData();
  const id = z.coerce.number().int().positive().safeParse(form.get("id"));
  if (!id.success || !retryEmail(id.data, viewer.id)) return data({ message: "That email cannot be retried: it has been sent or is being sent" }, { status: 409 });
  return redirect(`/staff/admin/outbox?show=${encodeURIComponent(String(form.get("show") ?? "waiting"))}&done=retried`);
}

export default function AdminOutbox() {
  const { counts, filter, messages, transport } = useLoaderData<typeof loader>();
  const error = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  return (
    <>
      <Link to="/staff/admin" className="govuk-back-link">
        Admin
      </Link>
      <ErrorSummary errors={error ? [{ field: "messages", message: error.message }] : []} focusKey={error} />
      {searchParams.get("done") ? (
        <SuccessBanner>The email will be sent again now.</SuccessBanner>
      ) : null}
      <h1 className="govuk-heading-l">Email outbox</h1>
      {transport === "held" ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            No mail server is set up (SMTP_URL), so emails wait here and nothing is sent.
          </strong>
        </div>
      ) : null}
      <p className="govuk-body">
        Emails that fail because the mail server cannot be reached, or answers "try again later", are retried by themselves, with longer waits each time. An email the mail server refuses
        outright is marked failed and is not retried unless you retry it.
      </p>
      <nav aria-label="Outbox filters">
        <ul className="govuk-list app-filter" style={{ display: "flex", gap: "1.5em" }}>
          {Object.entries(FILTERS).map(([key, f]) => {
            const n = f.statuses.reduce((sum, s) => sum + counts[s], 0);
            return (
              <li key={key}>
                <Link className="govuk-link" to={`?show=${key}`} aria-current={filter === key ? "page" : undefined}>
                  {filter === key ? <strong>{`${f.label} (${n})`}</strong> : `${f.label} (${n})`}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {messages.length === 0 ? (
        <p className="govuk-body" id="messages">
          There are no emails here.
        </p>
      ) : (
        <div className="app-table-scroll" id="messages" role="region" aria-labelledby="messages-caption" tabIndex={0}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m" id="messages-caption">{FILTERS[filter].label} emails (newest first)</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  To
                </th>
                <th scope="col" className="govuk-table__header">
                  Subject
                </th>
                <th scope="col" className="govuk-table__header">
                  Status
                </th>
                <th scope="col" className="govuk-table__header">
                  Details
                </th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {messages.map((m) => (
                <tr className="govuk-table__row" key={m.id}>
                  <td className="govuk-table__cell">{m.toAddress}</td>
                  <td className="govuk-table__cell">{m.subject}</td>
                  <td className="govuk-table__cell">
                    <strong className={STATUS_TAGS[m.status].className}>{STATUS_TAGS[m.status].text}</strong>
                  </td>
                  <td className="govuk-table__cell govuk-body-s">
                    {m.status === "sent" ? `Sent ${formatDateTime(m.sentAt)}` : null}
                    {m.status === "queued" ? `${m.attempts ? `Tried ${m.attempts} ${m.attempts === 1 ? "time" : "times"}; next try ` : "Sending "}${formatDateTime(m.nextAttemptAt)}` : null}
                    {m.status === "failed" ? `Tried ${m.attempts} ${m.attempts === 1 ? "time" : "times"}` : null}
                    {m.lastError && m.status !== "sent" ? (
                      <>
                        <br />
                        {m.lastError}
                      </>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">
                    {m.status === "failed" || m.status === "queued" ? (
                      <Form method="post">
                        <input type="hidden" name="id" value={m.id} />
                        <input type="hidden" name="show" value={filter} />
                        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                          {m.status === "failed" ? "Retry" : "Send now"}
                          <span className="govuk-visually-hidden"> the email to {m.toAddress}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
