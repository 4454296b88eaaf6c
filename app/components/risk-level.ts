/** Risk levels. Pure; shared by the view model and the risk components. The words for the 1–5
 * scales are the forms' own, from proposals/labels.ts. */
import type { RiskLevel } from "~/proposals/labels";

export type { RiskLevel };
export { IMPACT_LABELS as IMPACT_WORDS, LIKELIHOOD_LABELS as LIKELIHOOD_WORDS, RISK_LEVEL_LABELS as LEVEL_WORDS } from "~/proposals/labels";

/**
 * Low, medium or high. High from the council's high-risk score (settings.gate.highRiskScore,
 * 15 by default: such a risk must have a mitigation), medium from half of it.
 */
export function riskLevel(score: number, highRiskScore: number): RiskLevel {
  if (score >= highRiskScore) return "high";
  if (score >= Math.ceil(highRiskScore / 2)) return "medium";
  return "low";
}
