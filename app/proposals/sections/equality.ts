/**
 * 7. Equality impact assessment (Equality Act 2010 s.149). One row per characteristic, each
 * rated with evidence; then the three aims of the duty and a conclusion.
 */
import { z } from "zod";
import { EQUALITY_RATING_LABELS } from "../labels";
import type { EQUALITY_RATINGS as SCHEMA_EQUALITY_RATINGS } from "#db/schema";
import type { EqualityRow, Proposal } from "../types";
import { choice, text, whenContinuing, type Mode, requiredText } from "./fields";

// The same list as the schema's, written here so the browser bundle does not load the database schema.
export const EQUALITY_RATINGS = ["positive", "negative", "neutral", "unknown"] as const satisfies typeof SCHEMA_EQUALITY_RATINGS;

export const RATING_LABELS: Record<(typeof EQUALITY_RATINGS)[number], { label: string; hint: string }> = EQUALITY_RATING_LABELS;

export const equalityRowSchema = (label: string) =>
  z
    .object({
      rating: choice(EQUALITY_RATINGS, `Choose the impact on ${label}: positive, negative, neutral or unknown`),
      evidence: requiredText("The evidence", `Give the evidence for the rating of ${label}`, { max: 5000 }),
      justification: text("The justification", { max: 5000 }),
      evidenceAction: text("How the evidence will be gathered", { max: 5000 }),
    })
    .superRefine((v, ctx) => {
      if (v.rating === "unknown" && !v.evidenceAction) {
        ctx.addIssue({ code: "custom", path: ["evidenceAction"], message: "Say how the evidence will be gathered, as the impact is unknown" });
      }
    })
    .transform((v) => ({
      ...v,
      // Keep only what the rating calls for, so the public page never shows a stale note.
      justification: v.rating === "negative" ? v.justification : null,
      evidenceAction: v.rating === "unknown" ? v.evidenceAction : null,
    }));

export const equalityRowDefaults = (r: EqualityRow | null) => ({
  rating: r?.rating ?? "",
  evidence: r?.evidence ?? "",
  justification: r?.justification ?? "",
  evidenceAction: r?.evidenceAction ?? "",
});

export const AIMS_FIELDS = [
  { name: "aimEliminateDiscrimination", label: "Eliminating discrimination, harassment and victimisation", hint: "Section 149(1)(a): how the proposal affects this aim.", required: "Explain how the proposal affects the aim to eliminate discrimination, harassment and victimisation" },
  { name: "aimAdvanceEquality", label: "Advancing equality of opportunity", hint: "Section 149(1)(b): how the proposal affects this aim.", required: "Explain how the proposal affects the aim to advance equality of opportunity" },
  { name: "aimFosterRelations", label: "Fostering good relations", hint: "Section 149(1)(c): how the proposal affects good relations between people.", required: "Explain how the proposal affects the aim to foster good relations" },
  { name: "equalityConclusion", label: "Conclusion", hint: "What the assessment found overall, and what happens next.", required: "Write the conclusion of the equality impact assessment" },
] as const;

export type AimsField = (typeof AIMS_FIELDS)[number]["name"];

export const aimsSchema = (mode: Mode) =>
  z.object(Object.fromEntries(AIMS_FIELDS.map((f) => [f.name, text(f.label, { required: whenContinuing(mode, f.required) })])) as Record<AimsField, ReturnType<typeof text>>);

export const aimsDefaults = (p: Proposal) => Object.fromEntries(AIMS_FIELDS.map((f) => [f.name, p[f.name] ?? ""])) as Record<AimsField, string>;
