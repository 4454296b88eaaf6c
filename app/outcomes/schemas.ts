/**
 * One zod schema per outcome and decision form, used by the page and by its action (which
 * checks again: the browser's check is a convenience). Built from the proposal forms' helpers
 * (proposals/sections/fields.ts) and the same filler rules as the publication gate.
 */
import { z } from "zod";
import { equalityRowSchema } from "~/proposals/sections/equality";
import { choice, date, requiredText, text, yesNo } from "~/proposals/sections/fields";
import { meetsMinimumWords } from "~/proposals/text-quality";
import { OUTCOME_MIN_WORDS } from "./gate";
import { DECISION_KINDS, DECISION_REFERENCE_MAX_CHARS, DECISION_SUMMARY_MAX_CHARS, isPublishableUrl } from "./rules";

const TEXT_MAX = 10_000;

/** A part of the report in Markdown: required on "Continue"; filler is refused whenever it is given. */
function reportText(label: string, required: string, minWords: number, mode: "continue" | "save") {
  return text(label, { max: TEXT_MAX, required: mode === "continue" ? required : undefined }).refine((v) => v == null || meetsMinimumWords(v, minWords), {
    message: `${label} must say something real, in at least ${minWords} words of your own, not a placeholder`,
  });
}

export const OUTCOME_TEXT_FIELDS = {
  responseSummary: {
    label: "Who responded and how",
    required: "Describe who responded and how",
    minWords: OUTCOME_MIN_WORDS.responseSummary,
  },
  equalitySummary: {
    label: "What the responses told the council about the equality impact",
    required: "Say what the responses told the council about the equality impact",
    minWords: OUTCOME_MIN_WORDS.equalitySummary,
  },
  whatHappensNext: {
    label: "What happens next",
    required: "Say what happens next: who decides, and when",
    minWords: OUTCOME_MIN_WORDS.whatHappensNext,
  },
} as const;

export type OutcomeTextField = keyof typeof OUTCOME_TEXT_FIELDS;

export const outcomeTextSchema = (field: OutcomeTextField, mode: "continue" | "save") => {
  const f = OUTCOME_TEXT_FIELDS[field];
  return z.object({ [field]: reportText(f.label, f.required, f.minWords, mode) }) as unknown as z.ZodType<Partial<Record<OutcomeTextField, string | null>>>;
};

/**
 * The council's response to one theme. "Changed" needs what changed and the published version
 * that made it, one of `linkable` (the public versions made while the consultation was open).
 */
export const themeResponseSchema = (themeName: string, linkable: readonly number[]) =>
  z
    .object({
      councilResponse: requiredText("The council’s response", `Write the council’s response to “${themeName}”`, { max: TEXT_MAX }).refine(
        (v) => v === "" || meetsMinimumWords(v, OUTCOME_MIN_WORDS.councilResponse),
        { message: `Write what the council did about “${themeName}” in at least ${OUTCOME_MIN_WORDS.councilResponse} words of your own, not a placeholder` },
      ),
      changed: yesNo(`Say whether the proposal changed because of “${themeName}”`),
      changeDescription: text("What changed", { max: 2000 }),
      versionId: z.string().optional(),
    })
    .superRefine((v, ctx) => {
      if (v.changed !== true) return;
      if (!meetsMinimumWords(v.changeDescription, OUTCOME_MIN_WORDS.changeDescription))
        ctx.addIssue({ code: "custom", path: ["changeDescription"], message: `Say what changed because of “${themeName}”, in at least ${OUTCOME_MIN_WORDS.changeDescription} words` });
      if (linkable.length === 0)
        ctx.addIssue({ code: "custom", path: ["changed"], message: "The proposal was not changed while the consultation was open, so there is no published change to link. Say it did not change, and explain in your response" });
      else if (!v.versionId || !linkable.includes(Number(v.versionId)))
        ctx.addIssue({ code: "custom", path: ["versionId"], message: "Choose the published version that made the change" });
    })
    .transform((v) => ({
      councilResponse: v.councilResponse,
      changed: v.changed === true,
      changeDescription: v.changed ? v.changeDescription : null,
      versionId: v.changed && v.versionId ? Number(v.versionId) : null,
    }));

/** Re-rating an equality row after the consultation: the assessment's own rules, imported. */
export const equalityRevisionSchema = equalityRowSchema;

/** An approver returns the report with what needs to change. */
export const returnOutcomeSchema = z.object({
  reason: requiredText("The reason", "Explain what needs to change", { max: 5000 }).refine((v) => v === "" || meetsMinimumWords(v, 5), { message: "Explain what needs to change, in at least 5 words" }),
});

/** The decision: what was decided, when, where it is recorded, and the notice. */
export const decisionSchema = (context: { today: string; outcomePublishedOn: string | null }) =>
  z
    .object({
      decision: choice(DECISION_KINDS, "Choose what was decided"),
      decidedOn: date("The date of the decision", {
        required: "Enter the date of the decision",
        notBefore: context.outcomePublishedOn ? { iso: context.outcomePublishedOn, message: "The decision cannot be dated before the outcome report was published" } : undefined,
      }),
      reference: requiredText("The reference", "Enter the meeting and minute, or the delegated decision’s reference", { max: DECISION_REFERENCE_MAX_CHARS }),
      noticeUrl: requiredText("The link", "Enter the link to the decision notice", { max: 500 }).refine((v) => v === "" || isPublishableUrl(v), {
        message: "Enter the link to the decision notice as a web address starting https://, like https://democracy.council.gov.uk/decisions/123",
      }),
      summary: text("What was decided", { max: DECISION_SUMMARY_MAX_CHARS }),
    })
    .superRefine((v, ctx) => {
      if (v.decidedOn && v.decidedOn > context.today) ctx.addIssue({ code: "custom", path: ["decidedOn"], message: "The date of the decision must be today or in the past" });
    });
