/** Risk levels and the words for the 1–5 scales. Pure; shared by the view model and the risk components. */

export type RiskLevel = "low" | "medium" | "high";

export const LIKELIHOOD_WORDS: Record<number, string> = { 1: "Rare", 2: "Unlikely", 3: "Possible", 4: "Likely", 5: "Almost certain" };
export const IMPACT_WORDS: Record<number, string> = { 1: "Negligible", 2: "Minor", 3: "Moderate", 4: "Major", 5: "Severe" };
export const LEVEL_WORDS: Record<RiskLevel, string> = { low: "Low", medium: "Medium", high: "High" };

/**
 * Low, medium or high. High from the council's high-risk score (settings.gate.highRiskScore,
 * 15 by default: such a risk must have a mitigation), medium from half of it.
 */
export function riskLevel(score: number, highRiskScore: number): RiskLevel {
  if (score >= highRiskScore) return "high";
  if (score >= Math.ceil(highRiskScore / 2)) return "medium";
  return "low";
}
