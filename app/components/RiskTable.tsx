/**
 * Risks as the public sees them: a table (each risk, who bears it, likelihood and impact from
 * 1 to 5, the score, and either the mitigation that addresses it or the published reason the
 * council accepts it) and a matrix placing each risk by likelihood and impact.
 *
 * Colour is never the only signal: every score shows its number and a word (WCAG 1.4.1).
 */
import type { RiskView } from "./proposal-view-model";
import { ratingText } from "~/proposals/labels";
import { useTranslation } from "~/i18n/react";
import { Content } from "~/i18n/rich";
import { riskLevel, type RiskLevel } from "./risk-level";

/**
 * The 1–5 words and the levels in the page's language. In English they are proposals/labels.ts's
 * (the catalogue repeats them; tests/component/labels-agree.test.tsx compares form and page).
 */
export function useRiskWords() {
  const { t } = useTranslation();
  const key = (n: number) => String(n) as "1" | "2" | "3" | "4" | "5";
  const likelihood = (n: number) => (n >= 1 && n <= 5 ? t(`sitePages.risks.likelihoodWords.${key(n)}`) : "");
  const impact = (n: number) => (n >= 1 && n <= 5 ? t(`sitePages.risks.impactWords.${key(n)}`) : "");
  return {
    likelihood,
    impact,
    level: (level: RiskLevel) => t(`sitePages.risks.levels.${level}`),
    likelihoodText: (n: number) => ratingText(n, { [n]: likelihood(n) }),
    impactText: (n: number) => ratingText(n, { [n]: impact(n) }),
  };
}

export function RiskScore({ score, level }: { score: number; level: RiskLevel }) {
  const words = useRiskWords();
  return (
    <span className={`app-risk-score app-risk-score--${level}`}>
      {score} <span className="app-risk-score__word">{words.level(level)}</span>
    </span>
  );
}

export function RiskTable({ risks, caption, id }: { risks: RiskView[]; caption?: string; id?: string }) {
  const { t } = useTranslation();
  const words = useRiskWords();
  if (risks.length === 0) return <p className="govuk-body app-not-provided">{t("sitePages.risks.none")}</p>;
  const captionId = `${id ?? "risk-table"}-caption`;
  return (
    <div className="app-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="govuk-table app-risk-table app-table--reflow" id={id}>
        <caption className="govuk-table__caption govuk-table__caption--s" id={captionId}>
          {caption ?? t("sitePages.risks.caption")}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {t("sitePages.risks.risk")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("sitePages.risks.whoBears")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("sitePages.risks.likelihood")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("sitePages.risks.impact")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("sitePages.risks.score")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("sitePages.risks.addressed")}
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {risks.map((risk) => (
            <tr key={risk.id} className="govuk-table__row" id={risk.anchor}>
              <th scope="row" className="govuk-table__header">
                <span className="app-risk-table__ref">{risk.ref}</span>
                <span className="govuk-!-font-weight-regular">
                  : <Content>{risk.description}</Content>
                </span>
              </th>
              <td className="govuk-table__cell" data-label={t("sitePages.risks.whoBears")}>
                <Content>{risk.whoBears}</Content>
              </td>
              <td className="govuk-table__cell" data-label={t("sitePages.risks.likelihood")}>{words.likelihoodText(risk.likelihood)}</td>
              <td className="govuk-table__cell" data-label={t("sitePages.risks.impact")}>{words.impactText(risk.impact)}</td>
              <td className="govuk-table__cell" data-label={t("sitePages.risks.score")}>
                <RiskScore score={risk.score} level={risk.level} />
              </td>
              <td className="govuk-table__cell" data-label={t("sitePages.risks.addressed")}>
                <RiskResponse risk={risk} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RiskResponse({ risk }: { risk: RiskView }) {
  const { t } = useTranslation();
  const parts = [];
  if (risk.mitigations.length > 0) {
    parts.push(
      <p key="m" className="govuk-body govuk-!-margin-bottom-1">
        {t("sitePages.risks.mitigatedBy")}{" "}
        {risk.mitigations.map((m, i) => (
          <span key={m.ref}>
            {i > 0 ? (i === risk.mitigations.length - 1 ? t("sitePages.risks.and") : ", ") : null}
            <a className="govuk-link" href={`#${m.anchor}`}>
              {t("sitePages.risks.mitigationRef", { ref: m.ref })}
            </a>
          </span>
        ))}
      </p>,
    );
  }
  if (risk.acceptanceReason) {
    parts.push(
      <p key="a" className="govuk-body govuk-!-margin-bottom-1">
        <strong>{t("sitePages.risks.accepted")}</strong> <Content>{risk.acceptanceReason}</Content>
      </p>,
    );
  }
  if (parts.length === 0) parts.push(<p key="n" className="govuk-body app-not-provided govuk-!-margin-bottom-1">{t("sitePages.risks.noResponse")}</p>);
  return <>{parts}</>;
}

/**
 * The 5 × 5 matrix: likelihood down the side (most likely at the top), impact along the
 * bottom, each cell holding the risks that fall there, its score and its level in words.
 */
export function RiskMatrix({ risks, highRiskScore, caption }: { risks: RiskView[]; highRiskScore: number; caption?: string }) {
  const { t } = useTranslation();
  const words = useRiskWords();
  if (risks.length === 0) return null;
  const levels = [1, 2, 3, 4, 5];
  return (
    <div className="app-table-scroll" role="region" aria-label={t("sitePages.risks.matrixLabel")} tabIndex={0}>
      <table className="govuk-table app-risk-matrix">
        <caption className="govuk-table__caption govuk-table__caption--s">{caption ?? t("sitePages.risks.matrixCaption")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <td className="govuk-table__cell" />
            {levels.map((impact) => (
              <th key={impact} scope="col" className="govuk-table__header">
                {t("sitePages.risks.matrixImpact", { n: impact })}
                <span className="app-risk-matrix__score">{words.impact(impact)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {[...levels].reverse().map((likelihood) => (
            <tr key={likelihood} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {t("sitePages.risks.matrixLikelihood", { n: likelihood })}
                <span className="app-risk-matrix__score">{words.likelihood(likelihood)}</span>
              </th>
              {levels.map((impact) => {
                const score = likelihood * impact;
                const here = risks.filter((r) => r.likelihood === likelihood && r.impact === impact);
                const cellLevel = riskLevel(score, highRiskScore);
                return (
                  <td key={impact} className={`govuk-table__cell app-risk-matrix__cell app-risk-matrix__cell--${cellLevel}`}>
                    {here.length > 0 ? (
                      <span className="app-risk-matrix__refs">
                        {here.map((r, i) => (
                          <span key={r.ref}>
                            {i > 0 ? ", " : null}
                            <a className="govuk-link app-risk-matrix__link" href={`#${r.anchor}`}>
                              <span className="govuk-visually-hidden">{t("sitePages.risks.risk")} </span>
                              {r.ref}
                            </a>
                          </span>
                        ))}
                      </span>
                    ) : null}
                    <span className="app-risk-matrix__score">
                      {score} {words.level(cellLevel)}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
