/**
 * The public record of who was told before a consultation opened: when the recognised unions
 * were given confidential notice and how many working days before opening, how many union
 * representatives acknowledged it, and how many staff in which groups were emailed and when.
 * Counts and dates only (record.ts builds it): no names, no addresses, no feedback.
 *
 * A loader passes `loadNotificationRecord(proposal)` (app/notifications/record.server.ts).
 */
import type { NotificationRecordView } from "~/notifications/record";
import { formatDate, formatNumber } from "./format";
import { useContentLang, useLanguage, useTranslation } from "~/i18n/react";
import type { Translate } from "~/i18n/i18n";
import { SummaryList, type SummaryListRow } from "./SummaryList";

function list(names: string[], t: Translate): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")}${t("sitePages.risks.and")}${names[names.length - 1]}`;
}

export function NotificationRecord({ record, headingLevel = 2 }: { record: NotificationRecordView; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as "h2" | "h3";
  const { unions, staff } = record;
  const { t } = useTranslation();
  const lang = useLanguage();
  // The unions' and staff groups' names are the council's own.
  const contentLang = useContentLang();
  const rows: SummaryListRow[] = [];
  if (unions) {
    rows.push({ key: t("sitePages.notices.unionsTold"), value: <>{formatDate(unions.toldOn, lang)}: <span lang={contentLang}>{list(unions.names, t)}</span></> });
    if (unions.workingDaysBeforeOpening != null) {
      rows.push({
        key: unions.opened ? t("sitePages.notices.before") : t("sitePages.notices.beforePlanned"),
        value: t("sitePages.notices.workingDays", { count: unions.workingDaysBeforeOpening }),
      });
    }
    rows.push({
      key: t("sitePages.notices.acknowledged"),
      value: unions.repsNotified ? t("sitePages.notices.ofReps", { acknowledged: formatNumber(unions.repsAcknowledged), notified: formatNumber(unions.repsNotified) }) : t("sitePages.notices.noReps"),
    });
  }
  if (staff.groups.length) {
    rows.push({ key: t("sitePages.notices.staffTold"), value: t("sitePages.notices.staffCount", { staff: staff.total, groups: staff.groups.length }) });
  }

  return (
    <section className="app-section" aria-labelledby="notification-record-heading" data-testid="notification-record">
      <Heading className="govuk-heading-l" id="notification-record-heading">
        {t("sitePages.notices.heading")}
      </Heading>
      {record.noStaffAffected ? (
        <p className="govuk-body">{t("sitePages.notices.noStaff")}</p>
      ) : (
        <>
          {!unions ? <p className="govuk-body">{t("sitePages.notices.noUnion")}</p> : null}
          {rows.length ? <SummaryList rows={rows} /> : null}
          {staff.groups.length ? (
            <table className="govuk-table app-table--reflow">
              <caption className="govuk-table__caption govuk-table__caption--m">{t("sitePages.notices.groupsCaption")}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    {t("sitePages.notices.group")}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t("sitePages.notices.staff")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("sitePages.notices.toldOn")}
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {staff.groups.map((g) => (
                  <tr className="govuk-table__row" key={g.name}>
                    <td className="govuk-table__cell" data-label={t("sitePages.notices.group")} lang={contentLang}>
                      {g.name}
                    </td>
                    <td className="govuk-table__cell govuk-table__cell--numeric" data-label={t("sitePages.notices.staff")}>
                      {formatNumber(g.headCount)}
                    </td>
                    <td className="govuk-table__cell" data-label={t("sitePages.notices.toldOn")}>
                      {formatDate(g.toldOn, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : unions?.opened ? (
            <p className="govuk-body">{t("sitePages.notices.noGroup")}</p>
          ) : null}
        </>
      )}
    </section>
  );
}
