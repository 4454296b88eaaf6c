/**
 * Shown at the top of every union rep page: the notice is confidential, and whose copy this
 * is. Naming the reader on screen discourages screenshots being passed on. The rep's name is
 * shown as written; the unions' names are their own (English) words.
 */
import { Fragment } from "react";
import { useTranslation } from "~/i18n/react";
import { AsWritten, Content, useRichTranslation } from "~/i18n/rich";

export function ConfidentialBanner({ repName, unionNames }: { repName: string; unionNames?: string[] }) {
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const name = <AsWritten>{repName}</AsWritten>;
  const unions = unionNames?.length ? (
    <>
      {unionNames.map((union, i) => (
        <Fragment key={union}>
          {i > 0 ? t("repPages.banner.unionSeparator") : null}
          <Content>{union}</Content>
        </Fragment>
      ))}
    </>
  ) : null;
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="confidential-title" data-testid="confidential-banner">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="confidential-title">
          {t("repPages.banner.title")}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{unions ? rt("repPages.banner.headingWithUnions", { name, unions }) : rt("repPages.banner.heading", { name })}</p>
        <p className="govuk-body">{t("repPages.banner.body")}</p>
      </div>
    </div>
  );
}

/** Confidential pages are never cached or indexed. */
export function confidentialHeaders() {
  return { "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow" };
}
