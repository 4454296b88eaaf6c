/**
 * Challenges to the facts on a consultation's public page: each with the claim, who made it
 * (only as they chose to appear), why, the evidence, and where it stands. A correction shows
 * the published version that made it and exactly what changed. Text is plain: React escapes it
 * and line breaks are kept by CSS, so nothing typed is ever read as HTML or Markdown.
 */
import { Link } from "@remix-run/react";
import { useRichTranslation } from "~/i18n/rich";
import { SectionChanges } from "~/components/WordDiff";
import type { ChallengeView } from "./challenges.server";
import { AUTHOR_LABELS, STANDING_LABELS, type ChallengeStanding } from "./rules";
import { useContentLang, useFormat, useLocalHref, useTranslation } from "~/i18n/react";

const TAG: Record<ChallengeStanding, string> = { waiting: "govuk-tag--yellow", overdue: "govuk-tag--red", corrected: "govuk-tag--green", stands: "govuk-tag--blue" };

export function ChallengeTag({ standing }: { standing: ChallengeStanding }) {
  const { t } = useTranslation();
  return <strong className={`govuk-tag ${TAG[standing]}`}>{STANDING_LABELS[standing] ? t(`challenges.standing.${standing}`) : standing}</strong>;
}

const keepLines = { whiteSpace: "pre-line" } as const;

/** Who challenged: "Resident" or "A member of staff" in the page's language, or the name they gave, as written. */
function By({ by }: { by: string }) {
  const { t } = useTranslation();
  if (by === AUTHOR_LABELS.resident) return <>{t("commentPages.challenge.resident")}</>;
  if (by === AUTHOR_LABELS.staff) return <>{t("commentPages.challengeList.staff")}</>;
  return <span data-as-written="">{by}</span>;
}

export function ChallengeItem({ challenge: c, headingLevel = 3, historyHref }: { challenge: ChallengeView; headingLevel?: 2 | 3; historyHref?: string }) {
  const Heading = `h${headingLevel}` as "h2" | "h3";
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const format = useFormat();
  const href = useLocalHref();
  const contentLang = useContentLang();
  return (
    <article className="app-challenge govuk-!-margin-bottom-8" id={`challenge-${c.id}`} data-testid="challenge" aria-labelledby={`challenge-${c.id}-heading`}>
      <Heading className="govuk-heading-s govuk-!-margin-bottom-2" id={`challenge-${c.id}-heading`}>
        <span className="govuk-visually-hidden">{t("commentPages.challengeList.challengeTo")}</span>
        <span lang={contentLang}>{c.claim}</span>
      </Heading>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        <ChallengeTag standing={c.standing} />{" "}
        {rt("commentPages.challengeList.by", { date: format.date(c.createdAt), name: <By by={c.by} /> })}{" "}
        {c.standing === "waiting"
          ? t("commentPages.challengeList.dueBy", {
              date: format.date(c.dueOn),
            })
          : c.standing === "overdue"
          ? t("commentPages.challengeList.overdueBy", {
              date: format.date(c.dueOn),
            })
          : null}
      </p>
      <dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-2">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("commentPages.challengeList.why")}</dt>
          <dd className="govuk-summary-list__value" style={keepLines} data-as-written="">
            {c.reason}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("commentPages.challengeList.evidence")}</dt>
          <dd className="govuk-summary-list__value" style={keepLines} data-as-written="">
            {c.evidence}
          </dd>
        </div>
        {c.answer ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">
              {c.answeredAt
                ? t("commentPages.challengeList.answerOn", {
                    date: format.date(c.answeredAt),
                  })
                : t("commentPages.challengeList.answer")}
            </dt>
            <dd className="govuk-summary-list__value" style={keepLines} data-testid="challenge-answer" data-as-written="">
              {c.answer}
            </dd>
          </div>
        ) : null}
      </dl>
      {c.correction ? (
        <div className="govuk-inset-text" data-testid="challenge-correction">
          <p className="govuk-body">
            {c.correction.changeNote
              ? rt("commentPages.challengeList.correctedNote", {
                  number: c.correction.number,
                  when: format.dateTime(c.correction.createdAt),
                  note: <span lang={contentLang}>{c.correction.changeNote}</span>,
                })
              : t("commentPages.challengeList.corrected", {
                  number: c.correction.number,
                  when: format.dateTime(c.correction.createdAt),
                })}
            {historyHref ? (
              <>
                {" "}
                <Link className="govuk-link" to={href(historyHref)}>
                  {t("commentPages.challengeList.seeChanges")}
                </Link>
              </>
            ) : null}
          </p>
          {c.correction.changes.length ? (
            <div lang={contentLang}>
              <SectionChanges changes={c.correction.changes} />
            </div>
          ) : null}
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
  const format = useFormat();
  const contentLang = useContentLang();
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
          <p className="govuk-body">{t("commentPages.challengeList.hidden", { count: hidden.length })}</p>
          <ul className="govuk-list govuk-list--bullet" data-testid="hidden-challenges">
            {hidden.map((h, i) => (
              <li key={i}>
                {h.at ? `${format.date(h.at)}: ` : ""}
                <span lang={contentLang}>{h.ruleTitle}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
