/**
 * The public record of who was told before a consultation opened: when the recognised unions
 * were given confidential notice and how many working days before opening, how many union
 * representatives acknowledged it, and how many staff in which groups were emailed and when.
 * Counts and dates only (record.ts builds it): no names, no addresses, no feedback.
 *
 * A loader passes `loadNotificationRecord(proposal)` (app/notifications/record.server.ts).
 */
import type { NotificationRecordView } from "~/notifications/record";
import { formatDate, formatNumber, plural } from "./format";
import { SummaryList, type SummaryListRow } from "./SummaryList";

function list(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function NotificationRecord({ record, headingLevel = 2 }: { record: NotificationRecordView; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as "h2" | "h3";
  const { unions, staff } = record;
  const rows: SummaryListRow[] = [];
  if (unions) {
    rows.push({ key: "Unions told", value: `${formatDate(unions.toldOn)}: ${list(unions.names)}` });
    if (unions.workingDaysBeforeOpening != null) {
      rows.push({
        key: unions.opened ? "Notice before opening" : "Notice before planned opening",
        value: `${plural(unions.workingDaysBeforeOpening, "working day")}`,
      });
    }
    rows.push({
      key: "Union representatives who acknowledged the notice",
      value: unions.repsNotified ? `${formatNumber(unions.repsAcknowledged)} of ${formatNumber(unions.repsNotified)}` : "No representatives were on record to notify",
    });
  }
  if (staff.groups.length) {
    rows.push({ key: "Staff told", value: `${plural(staff.total, "member of staff", "members of staff")} in ${plural(staff.groups.length, "staff group")}` });
  }

  return (
    <section className="app-section" aria-labelledby="notification-record-heading" data-testid="notification-record">
      <Heading className="govuk-heading-l" id="notification-record-heading">
        Who was told, and when
      </Heading>
      {record.noStaffAffected ? (
        <p className="govuk-body">No staff were affected by this proposal, so no union notice was needed and no staff were emailed.</p>
      ) : (
        <>
          {!unions ? <p className="govuk-body">No recognised union was given advance notice of this proposal.</p> : null}
          {rows.length ? <SummaryList rows={rows} /> : null}
          {staff.groups.length ? (
            <table className="govuk-table app-table--reflow">
              <caption className="govuk-table__caption govuk-table__caption--m">Staff groups emailed a link to this page</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Staff group
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Staff
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Told on
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {staff.groups.map((g) => (
                  <tr className="govuk-table__row" key={g.name}>
                    <td className="govuk-table__cell" data-label="Staff group">{g.name}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric" data-label="Staff">{formatNumber(g.headCount)}</td>
                    <td className="govuk-table__cell" data-label="Told on">{formatDate(g.toldOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : unions?.opened ? (
            <p className="govuk-body">No staff group has been emailed about this consultation.</p>
          ) : null}
        </>
      )}
    </section>
  );
}
