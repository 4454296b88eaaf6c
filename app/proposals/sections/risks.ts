/**
 * 4. Risks. Each says what could go wrong, who would bear it, and how likely and how harmful
 * it is (1 to 5 each). A mitigation, or a published reason for accepting it, is the gate's check.
 */
import { z } from "zod";
import type { Risk } from "../types";
import { choice, text, requiredText } from "./fields";

import { IMPACT_LABELS, LIKELIHOOD_LABELS, RATINGS } from "../labels";

export { IMPACT_LABELS, LIKELIHOOD_LABELS, RATINGS };

export const riskSchema = () =>
  z
    .object({
      description: requiredText("The risk", "Describe the risk", { max: 2000 }),
      whoBears: requiredText("Who would bear it", "Say who would bear the risk", { max: 1000 }),
      likelihood: choice(RATINGS, "Choose how likely the risk is, from 1 (rare) to 5 (almost certain)"),
      impact: choice(RATINGS, "Choose how much harm the risk would do, from 1 (negligible) to 5 (severe)"),
      acceptanceReason: text("The reason for accepting the risk", { max: 5000 }),
    })
    .transform((v) => ({ ...v, likelihood: Number(v.likelihood), impact: Number(v.impact) }));

export const riskDefaults = (r: Risk | null) => ({
  description: r?.description ?? "",
  whoBears: r?.whoBears ?? "",
  likelihood: r ? String(r.likelihood) : "",
  impact: r ? String(r.impact) : "",
  acceptanceReason: r?.acceptanceReason ?? "",
});
