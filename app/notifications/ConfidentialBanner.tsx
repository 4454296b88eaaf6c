/**
 * Shown at the top of every union rep page: the notice is confidential, and whose copy this
 * is. Naming the reader on screen discourages screenshots being passed on.
 */
export function ConfidentialBanner({ repName, unionNames }: { repName: string; unionNames?: string[] }) {
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="confidential-title" data-testid="confidential-banner">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="confidential-title">
          Confidential
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          Advance notice for {repName}
          {unionNames && unionNames.length ? <>, {unionNames.join(" and ")}</> : null}
        </p>
        <p className="govuk-body">Do not share this page or its contents until the consultation opens to the public. Each visit to it is recorded.</p>
      </div>
    </div>
  );
}

/** Confidential pages are never cached or indexed. */
export function confidentialHeaders() {
  return { "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow" };
}
