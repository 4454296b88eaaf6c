/**
 * On the consultation page: the easy read version, the paper copy, asking for another format,
 * where to pick up a printed pack, and how many people asked for another format and were sent it.
 */
import { Link } from "@remix-run/react";
import type { PickUpPlace } from "./paper";
import { useContentLang, useLocalHref, useTranslation } from "~/i18n/react";

export type OtherFormatsData = {
  slug: string;
  hasEasyRead: boolean;
  /** can a request be made (published) */
  canAsk: boolean;
  pickUp: PickUpPlace[];
  formatSentence: string | null;
};

export function OtherFormats({ data }: { data: OtherFormatsData }) {
  const contentLang = useContentLang();
  const base = `/consultations/${encodeURIComponent(data.slug)}`;
  const { t } = useTranslation();
  const href = useLocalHref();
  const T = {
    heading: t("otherFormats.heading"),
    easyRead: t("otherFormats.easyRead"),
    print: t("otherFormats.print"),
    ask: t("otherFormats.ask"),
    pickUpHeading: t("otherFormats.pickUpHeading"),
    pickUpIntro: t("otherFormats.pickUpIntro"),
    hours: t("otherFormats.hours"),
  };
  return (
    <section className="app-other-formats" aria-labelledby="other-formats-heading" data-testid="other-formats">
      <h2 className="govuk-heading-m" id="other-formats-heading">
        {T.heading}
      </h2>
      <ul className="govuk-list govuk-list--spaced">
        {data.hasEasyRead ? (
          <li>
            <Link className="govuk-link" to={href(`${base}/easy-read`)}>
              {T.easyRead}
            </Link>
          </li>
        ) : null}
        <li>
          <Link className="govuk-link" to={href(`${base}/print`)}>
            {T.print}
          </Link>
        </li>
        {data.canAsk ? (
          <li>
            <Link className="govuk-link" to={href(`${base}/formats`)}>
              {T.ask}
            </Link>
          </li>
        ) : null}
      </ul>
      {data.formatSentence ? (
        <p className="govuk-body" data-testid="format-counts">
          {data.formatSentence}
        </p>
      ) : null}
      {data.pickUp.length ? (
        <>
          <h3 className="govuk-heading-s">{T.pickUpHeading}</h3>
          <p className="govuk-body">{T.pickUpIntro}</p>
          <ul className="govuk-list govuk-list--spaced" data-testid="pick-up-places">
            {data.pickUp.map((p) => (
              <li key={p.key}>
                {/* The council's own list (content/reach.yaml): names, addresses and hours in its English. */}
                <strong lang={contentLang}>{p.name}</strong> ({t(`consultationPages.formats.placeKinds.${p.kind}`)}), <span lang={contentLang}>{p.address}</span>
                {p.openingHours ? (
                  <>
                    <br />
                    <span className="govuk-body-s">
                      {T.hours}: <span lang={contentLang}>{p.openingHours}</span>
                    </span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
