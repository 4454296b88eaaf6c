/**
 * On the consultation page: the easy read version, the paper copy, asking for another format,
 * where to pick up a printed pack, and how many people asked for another format and were sent it.
 */
import { Link } from "@remix-run/react";
import type { PickUpPlace } from "./paper";
import { PLACE_KIND_LABELS } from "./paper";

const T = {
  heading: "Other formats and paper copies",
  easyRead: "Read the easy read version",
  print: "Print this consultation, or save it as a PDF, with a response form",
  ask: "Ask for large print, audio, Braille, easy read, British Sign Language or a translation",
  pickUpHeading: "Pick up a paper copy",
  pickUpIntro: "Printed copies, with a freepost response form, are at:",
  hours: "Open",
};

export type OtherFormatsData = {
  slug: string;
  hasEasyRead: boolean;
  /** can a request be made (published) */
  canAsk: boolean;
  pickUp: PickUpPlace[];
  formatSentence: string | null;
};

export function OtherFormats({ data }: { data: OtherFormatsData }) {
  const base = `/consultations/${encodeURIComponent(data.slug)}`;
  return (
    <section className="app-other-formats" aria-labelledby="other-formats-heading" data-testid="other-formats">
      <h2 className="govuk-heading-m" id="other-formats-heading">
        {T.heading}
      </h2>
      <ul className="govuk-list govuk-list--spaced">
        {data.hasEasyRead ? (
          <li>
            <Link className="govuk-link" to={`${base}/easy-read`}>
              {T.easyRead}
            </Link>
          </li>
        ) : null}
        <li>
          <Link className="govuk-link" to={`${base}/print`}>
            {T.print}
          </Link>
        </li>
        {data.canAsk ? (
          <li>
            <Link className="govuk-link" to={`${base}/formats`}>
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
                <strong>{p.name}</strong> ({PLACE_KIND_LABELS[p.kind].toLowerCase()}), {p.address}
                {p.openingHours ? (
                  <>
                    <br />
                    <span className="govuk-body-s">
                      {T.hours}: {p.openingHours}
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
