/**
 * Risks as the public sees them: a table (each risk, who bears it, likelihood and impact from
 * 1 to 5, the score, and either the mitigation that addresses it or the published reason the
 * council accepts it) and a matrix placing each risk by likelihood and impact.
 *
 * Colour is never the only signal: every score shows its number and a word (WCAG 1.4.1).
 */
import type { RiskView } from "./proposal-view-model";
import { ratingText } from "~/proposals/labels";
import { IMPACT_WORDS, LEVEL_WORDS, LIKELIHOOD_WORDS, riskLevel, type RiskLevel } from "./risk-level";

const scale = (value: number, words: Record<number, string>) => ratingText(value, words);

export function RiskScore({ score, level }: { score: number; level: RiskLevel }) {
  return (
    <span className={`app-risk-score app-risk-score--${level}`}>
      {score} <span className="app-risk-score__word">{LEVEL_WORDS[level]}</span>
    </span>
  );
}

export function RiskTable({ risks, caption = "Risks, how likely they are and how they would be addressed", id }: { risks: RiskView[]; caption?: string; id?: string }) {
  if (risks.length === 0) return <p className="govuk-body app-not-provided">No risks have been recorded.</p>;
  const captionId = `${id ?? "risk-table"}-caption`;
  return (
    <div className="app-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="govuk-table app-risk-table app-table--reflow" id={id}>
        <caption className="govuk-table__caption govuk-table__caption--s" id={captionId}>
          {caption}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Risk
            </th>
            <th scope="col" className="govuk-table__header">
              Who bears it
            </th>
            <th scope="col" className="govuk-table__header">
              Likelihood (1 to 5)
            </th>
            <th scope="col" className="govuk-table__header">
              Impact (1 to 5)
            </th>
            <th scope="col" className="govuk-table__header">
              Score (likelihood × impact)
            </th>
            <th scope="col" className="govuk-table__header">
              How it is addressed
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {risks.map((risk) => (
            <tr key={risk.id} className="govuk-table__row" id={risk.anchor}>
              <th scope="row" className="govuk-table__header">
                <span className="app-risk-table__ref">{risk.ref}</span>
                <span className="govuk-!-font-weight-regular">: {risk.description}</span>
              </th>
              <td className="govuk-table__cell" data-label="Who bears it">{risk.whoBears}</td>
              <td className="govuk-table__cell" data-label="Likelihood (1 to 5)">{scale(risk.likelihood, LIKELIHOOD_WORDS)}</td>
              <td className="govuk-table__cell" data-label="Impact (1 to 5)">{scale(risk.impact, IMPACT_WORDS)}</td>
              <td className="govuk-table__cell" data-label="Score (likelihood × impact)">
                <RiskScore score={risk.score} level={risk.level} />
              </td>
              <td className="govuk-table__cell" data-label="How it is addressed">
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
  const parts = [];
  if (risk.mitigations.length > 0) {
    parts.push(
      <p key="m" className="govuk-body govuk-!-margin-bottom-1">
        Mitigated by{" "}
        {risk.mitigations.map((m, i) => (
          <span key={m.ref}>
            {i > 0 ? (i === risk.mitigations.length - 1 ? " and " : ", ") : null}
            <a className="govuk-link" href={`#${m.anchor}`}>
              {m.text}
            </a>
          </span>
        ))}
      </p>,
    );
  }
  if (risk.acceptanceReason) {
    parts.push(
      <p key="a" className="govuk-body govuk-!-margin-bottom-1">
        <strong>Risk accepted:</strong> {risk.acceptanceReason}
      </p>,
    );
  }
  if (parts.length === 0) parts.push(<p key="n" className="govuk-body app-not-provided govuk-!-margin-bottom-1">No mitigation or reason recorded</p>);
  return <>{parts}</>;
}

/**
 * The 5 × 5 matrix: likelihood down the side (most likely at the top), impact along the
 * bottom, each cell holding the risks that fall there, its score and its level in words.
 */
export function RiskMatrix({ risks, highRiskScore, caption = "Where each risk falls by likelihood and impact" }: { risks: RiskView[]; highRiskScore: number; caption?: string }) {
  if (risks.length === 0) return null;
  const levels = [1, 2, 3, 4, 5];
  return (
    <div className="app-table-scroll" role="region" aria-label="Risk matrix" tabIndex={0}>
      <table className="govuk-table app-risk-matrix">
        <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <td className="govuk-table__cell" />
            {levels.map((impact) => (
              <th key={impact} scope="col" className="govuk-table__header">
                Impact {impact}
                <span className="app-risk-matrix__score">{IMPACT_WORDS[impact]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {[...levels].reverse().map((likelihood) => (
            <tr key={likelihood} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                Likelihood {likelihood}
                <span className="app-risk-matrix__score">{LIKELIHOOD_WORDS[likelihood]}</span>
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
                              <span className="govuk-visually-hidden">Risk </span>
                              {r.ref}
                            </a>
                          </span>
                        ))}
                      </span>
                    ) : null}
                    <span className="app-risk-matrix__score">
                      {score} {LEVEL_WORDS[cellLevel]}
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
