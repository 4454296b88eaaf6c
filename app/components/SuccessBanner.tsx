import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";

/** GOV.UK success banner, shown after something worked. role="status", so that an error
 * summary on the same page stays the one alert. */
export function SuccessBanner({ children, title }: { children: ReactNode; title?: string }) {
  const { t } = useTranslation();
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="success-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-title">
          {title ?? t("common.success")}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}
