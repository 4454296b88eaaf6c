/**
 * The change in numbers: posts (and their share of the service's workforce), full-time
 * equivalent, service users a year, activity a year, budget. Every figure is written out in
 * words a resident can repeat: "12 posts (25% of the service's 48 posts)",
 * "450 child mental-health assessments a year", "£540,000 saving".
 */
import { workforceShare } from "~/proposals/types";
import { formatMoney, formatNumber, formatPercent, plural } from "./format";
import type { ImpactView } from "./proposal-view-model";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { Content, useRichTranslation } from "~/i18n/rich";

export type ImpactStatement = { key: string; label: string; value: string; detail?: string };

function lowerFirst(text: string): string {
  // "Child assessments" → "child assessments", but "CAMHS assessments" stays as written.
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** The figures as statements, in the order they are shown; missing figures are left out. */
export function impactStatements(impact: ImpactView): ImpactStatement[] {
  const out: ImpactStatement[] = [];
  if (impact.postsAffected != null) {
    const share = workforceShare(impact);
    const details: string[] = [];
    if (share != null && impact.serviceWorkforcePosts) details.push(`(${formatPercent(share)} of the service's ${plural(impact.serviceWorkforcePosts, "post")})`);
    if (impact.fteAffected != null && impact.postsAffected > 0) details.push(`${formatNumber(impact.fteAffected)} full-time equivalent (FTE)`);
    out.push({
      key: "posts",
      label: "Staff posts affected",
      value: impact.postsAffected === 0 ? "No posts" : plural(impact.postsAffected, "post"),
      detail: details.join(", ") || undefined,
    });
  }
  if (impact.serviceUsersPerYear != null) {
    out.push({
      key: "users",
      label: "People using the service who are affected",
      value: formatNumber(impact.serviceUsersPerYear),
      detail: impact.serviceUsersPerYear === 1 ? "person a year" : "people a year",
    });
  }
  if (impact.activityPerYear != null) {
    out.push({
      key: "activity",
      label: "Work affected",
      value: formatNumber(impact.activityPerYear),
      detail: `${impact.activityDescription ? lowerFirst(impact.activityDescription) : "pieces of work"} a year`,
    });
  }
  if (impact.budgetChangeGbp != null) {
    const change = impact.budgetChangeGbp;
    out.push({
      key: "budget",
      label: "Change to the budget",
      value: change === 0 ? "No change" : formatMoney(change),
      detail: change < 0 ? "saving" : change > 0 ? "increase" : undefined,
    });
  }
  return out;
}

/** One line of plain text per figure, e.g. "12 posts (25% of the service's 48 posts)". */
export function impactSentence(s: ImpactStatement): string {
  return s.detail ? `${s.value} ${s.detail}` : s.value;
}

/**
 * The figures as the page shows them, in its language: the same statements as impactStatements
 * (which stays English for the places that quote a figure in a sentence), with the council's own
 * description of the work marked as its English.
 */
function useImpactItems(impact: ImpactView): { key: string; label: string; value: string; detail?: ReactNode }[] {
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const out: { key: string; label: string; value: string; detail?: ReactNode }[] = [];
  if (impact.postsAffected != null) {
    const share = workforceShare(impact);
    const details: string[] = [];
    if (share != null && impact.serviceWorkforcePosts) details.push(t("sitePages.impact.share", { share: formatPercent(share), total: impact.serviceWorkforcePosts }));
    if (impact.fteAffected != null && impact.postsAffected > 0) details.push(t("sitePages.impact.fte", { fte: formatNumber(impact.fteAffected) }));
    out.push({ key: "posts", label: t("sitePages.impact.posts"), value: t("sitePages.impact.postsValue", { count: impact.postsAffected }), detail: details.join(", ") || undefined });
  }
  if (impact.serviceUsersPerYear != null) {
    out.push({ key: "users", label: t("sitePages.impact.users"), value: formatNumber(impact.serviceUsersPerYear), detail: t("sitePages.impact.usersDetail", { count: impact.serviceUsersPerYear }) });
  }
  if (impact.activityPerYear != null) {
    out.push({
      key: "activity",
      label: t("sitePages.impact.activity"),
      value: formatNumber(impact.activityPerYear),
      detail: impact.activityDescription ? rt("sitePages.impact.activityDescribed", { description: <Content>{lowerFirst(impact.activityDescription)}</Content> }) : t("sitePages.impact.activityDetail"),
    });
  }
  if (impact.budgetChangeGbp != null) {
    const change = impact.budgetChangeGbp;
    out.push({
      key: "budget",
      label: t("sitePages.impact.budget"),
      value: change === 0 ? t("sitePages.impact.noChange") : formatMoney(change),
      detail: change < 0 ? t("sitePages.impact.saving") : change > 0 ? t("sitePages.impact.increase") : undefined,
    });
  }
  return out;
}

export function ImpactFigures({ impact }: { impact: ImpactView }) {
  const { t } = useTranslation();
  const statements = useImpactItems(impact);
  if (statements.length === 0) return <p className="govuk-body app-not-provided">{t("sitePages.impact.none")}</p>;
  return (
    <ul className="app-figures">
      {statements.map((s) => (
        <li key={s.key} className="app-figures__item">
          <span className="app-figures__label">{s.label}</span>{" "}
          <span className="app-figures__value">{s.value}</span>
          {s.detail ? (
            <>
              {" "}
              <span className="app-figures__detail">{s.detail}</span>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
