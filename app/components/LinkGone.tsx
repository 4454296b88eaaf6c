/**
 * The page for a link from an email that can no longer be used (used, expired, replaced, or not
 * copied in full): what happened, and where to get a new one. Served with 410 Gone by the
 * route, never a bare error; it says nothing about whose link it was. In the page's language
 * (staff pages are English; a union rep's link page follows its address).
 */
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";

export const LINK_GONE_TITLE = "This link has expired or has already been used";

export function LinkGone({ heading, children }: { heading?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds" data-testid="link-gone">
        <h1 className="govuk-heading-l">{heading ?? t("sitePages.linkGone.title")}</h1>
        {children}
        <p className="govuk-body">{t("consultationPages.common.linkCopied")}</p>
      </div>
    </div>
  );
}
