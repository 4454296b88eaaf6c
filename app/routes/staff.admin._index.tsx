/** The admin area: staff accounts, the directory the notices rely on, the settings, and the email outbox. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { pageTitle } from "~/components/page-title";
import { transportKind } from "~/notifications/delivery.server";
import { outboxCounts } from "~/notifications/outbox.server";
import { db } from "#db/client.server";
import { latestAuditCheck } from "~/audit/audit.server";

// The audit problem is in the loader's data, so the title says "Error: " from the server too.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, "Admin – Staff area", { error: data?.auditCheck?.ok === false }) }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:manage");
  const check = latestAuditCheck(db());
  return { counts: outboxCounts(), transport: transportKind(), auditCheck: check ? { at: check.at, ok: check.ok, entries: check.entries, firstBadId: check.firstBadId, message: check.message } : null };
}

export default function AdminHome() {
  const { counts, transport, auditCheck } = useLoaderData<typeof loader>();
  return (
    <>
      <Link to="/staff" className="govuk-back-link">
        Back to proposals
      </Link>
      <span className="govuk-caption-l">Staff area</span>
      <h1 className="govuk-heading-l">Admin</h1>
      <ErrorSummary title="The audit log failed its check" errors={auditCheck && !auditCheck.ok ? [{ message: auditCheck.message }] : []}>
        <p className="govuk-body">Someone may have changed the database directly. Keep a copy of it as it is now, and compare it with your latest backup.</p>
      </ErrorSummary>
      <ul className="govuk-list govuk-list--spaced">
        <li>
          <Link className="govuk-link govuk-!-font-weight-bold" to="/staff/admin/users">
            Staff accounts
          </Link>
          <p className="govuk-body govuk-!-margin-bottom-0">Invite staff, give them roles and a service, deactivate accounts, and see when each person last signed in.</p>
        </li>
        <li>
          <Link className="govuk-link govuk-!-font-weight-bold" to="/staff/admin/unions">
            Unions and representatives
          </Link>
          <p className="govuk-body govuk-!-margin-bottom-0">The recognised unions given advance notice, and who represents them.</p>
        </li>
        <li>
          <Link className="govuk-link govuk-!-font-weight-bold" to="/staff/admin/services">
            Services and staff groups
          </Link>
          <p className="govuk-body govuk-!-margin-bottom-0">Who is emailed when a proposal affecting them opens.</p>
        </li>
        <li>
          <Link className="govuk-link govuk-!-font-weight-bold" to="/staff/admin/settings">
            Settings
          </Link>
          <p className="govuk-body govuk-!-margin-bottom-0">
            The council's name and branding, the publication check, the consultation period, union notice, equality characteristics, grounds for withholding and sign-in (single sign-on, and whether admins and approvers need a second factor).
          </p>
        </li>
        <li>
          <Link className="govuk-link govuk-!-font-weight-bold" to="/staff/admin/outbox">
            Email outbox
          </Link>
          <p className="govuk-body govuk-!-margin-bottom-0">
            {counts.queued} waiting, {counts.failed} failed, {counts.sent} sent.
          </p>
        </li>
        <li>
          <h2 className="govuk-heading-s govuk-!-margin-bottom-1">Audit log</h2>
          <p className="govuk-body govuk-!-margin-bottom-0" data-testid="audit-check">
            {auditCheck
              ? `${auditCheck.ok ? "Intact" : "Not intact"}: ${auditCheck.entries} entries checked on ${new Date(auditCheck.at).toLocaleString("en-GB", { timeZone: "Europe/London", dateStyle: "medium", timeStyle: "short" })}.`
              : "Not checked yet: the worker checks the chain once a day."}
          </p>
        </li>
        {transport === "local" ? (
          <li>
            <Link className="govuk-link govuk-!-font-weight-bold" to="/staff/admin/inbox">
              Demo inbox
            </Link>
            <p className="govuk-body govuk-!-margin-bottom-0">No mail server is set up, so emails are delivered here instead.</p>
          </li>
        ) : null}
      </ul>
    </>
  );
}
