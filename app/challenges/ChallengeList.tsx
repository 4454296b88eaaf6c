/**
 * Challenges to the facts on a consultation's public page: each with the claim, who made it
 * (only as they chose to appear), why, the evidence, and where it stands. A correction shows
 * the published version that made it and exactly what changed. Text is plain: React escapes it
 * and line breaks are kept by CSS, so nothing typed is ever read as HTML or Markdown.
 */
import { Link } from "@remix-run/react";
import { formatDate, formatDateTime, plural } from "~/components/format";
import { SectionChanges } from "~/components/WordDiff";
import type { ChallengeView } from "./challenges.server";
import { STANDING_LABELS, type ChallengeStanding } from "./rules";
import { useLocalHref, useTranslation } from "~/i18n/react";

const TAG: Record<ChallengeStanding, string> = { waiting: "govuk-tag--yellow", overdue: "govuk-tag--red", corrected: "govuk-tag--green", stands: "govuk-tag--blue" };

export function ChallengeTag({ standing }: { standing: ChallengeStanding }) {
  const { t } = useTranslation();
  return <strong className={`govuk-tag ${TAG[standing]}`}>{STANDING_LABELS[standing] ? t(`challenges.standing.${standing}`) : standing}</strong>;
}

const keepLines = { whiteSpace: "pre-line" } as const;

export function ChallengeItem({ challenge: c, headingLevel = 3, historyHref }: { challenge: ChallengeView; headingLevel?: 2 | 3; historyHref?: string }) {
  const Heading = `h${headingLevel}` as "h2" | "h3";
  return (
    <article className="app-challenge govuk-!-margin-bottom-8" id={`challenge-${c.id}`} data-testid="challenge" aria-labelledby={`challenge-${c.id}-heading`}>
      <Heading className="govuk-heading-s govuk-!-margin-bottom-2" id={`challenge-${c.id}-heading`}>
        <span className="govuk-visually-hidden">Challenge to: </span>
        {c.claim}
      </Heading>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        <ChallengeTag standing={c.standing} /> Challenged by {c.by} on {formatDate(c.createdAt)}.{" "}
        {c.standing === "waiting" ? `The council must answer by ${formatDate(c.dueOn)}.` : c.standing === "overdue" ? `The council should have answered by ${formatDate(c.dueOn)}.` : null}
      </p>
      <dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-2">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Why it is challenged</dt>
          <dd className="govuk-summary-list__value" style={keepLines}>
            {c.reason}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Evidence</dt>
          <dd className="govuk-summary-list__value" style={keepLines}>
            {c.evidence}
          </dd>
        </div>
        {c.answer ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">The council&apos;s answer{c.answeredAt ? `, ${formatDate(c.answeredAt)}` : ""}</dt>
            <dd className="govuk-summary-list__value" style={keepLines} data-testid="challenge-answer">
              {c.answer}
            </dd>
          </div>
        ) : null}
      </dl>
      {c.correction ? (
        <div className="govuk-inset-text" data-testid="challenge-correction">
          <p className="govuk-body">
            Corrected in version {c.correction.number} of the consultation, published {formatDateTime(c.correction.createdAt)}
            {c.correction.changeNote ? `: ${c.correction.changeNote}` : "."}
            {historyHref ? (
              <>
                {" "}
                <Link className="govuk-link" to={historyHref}>
                  See every change
                </Link>
              </>
            ) : null}
          </p>
          {c.correction.changes.length ? <SectionChanges changes={c.correction.changes} /> : null}
        </div>
      ) : null}
    </article>
  );
}

export function ChallengesSection({
  challenges,
  hidden = [],
  slug,
  accepting,
  workingDays,
}: {
  challenges: ChallengeView[];
  /** hidden by moderators: when and under which house rule, never the words */
  hidden?: { ruleTitle: string; at: string | null }[];
  slug: string;
  accepting: boolean;
  workingDays: number;
}) {
  const base = `/consultations/${encodeURIComponent(slug)}`;
  const open = challenges.filter((c) => c.standing === "waiting" || c.standing === "overdue").length;
  const overdue = challenges.filter((c) => c.standing === "overdue").length;
  const { t } = useTranslation();
  const href = useLocalHref();
  return (
    <section className="app-section" aria-labelledby="challenges-heading" id="challenges" data-testid="challenges">
      <h2 className="govuk-heading-l" id="challenges-heading">
        {t("challenges.heading")}
      </h2>
      <p className="govuk-body">{t("challenges.intro", { days: workingDays })}</p>
      {challenges.length ? (
        <p className="govuk-body" data-testid="challenge-counts">
          {t("challenges.count", { count: challenges.length })}: {open ? t("challenges.waiting", { open }) : t("challenges.allAnswered")}
          {overdue ? t("list.challengesOverdue", { count: overdue }) : ""}
          {t("challenges.end")}
        </p>
      ) : (
        <p className="govuk-body">{t("challenges.none")}</p>
      )}
      {accepting ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={href(`${base}/challenge`)}>
            {t("challenges.link")}
          </Link>
        </p>
      ) : null}
      {challenges.map((c) => (
        <ChallengeItem key={c.id} challenge={c} historyHref={`${base}/history`} />
      ))}
      {hidden.length ? (
        <>
          <p className="govuk-body">Moderators hid {plural(hidden.length, "challenge")} under the house rules:</p>
          <ul className="govuk-list govuk-list--bullet" data-testid="hidden-challenges">
            {hidden.map((h, i) => (
              <li key={i}>
                {h.at ? `${formatDate(h.at)}: ` : ""}
                {h.ruleTitle}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
