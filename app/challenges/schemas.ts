/**
 * The challenge forms' schemas, used by the page (Conform on submit) and the action. The server
 * module checks the same things again against the proposal (challenges.server.ts): these only
 * say what is missing or too long, in GOV.UK's words.
 */
import { z } from "zod";
import { translator, type Translate } from "~/i18n/i18n";
import { normaliseText } from "~/responses/rules";
import { HONEYPOT_FIELD } from "~/responses/schemas";
import { ANSWER_MAX_CHARS, EVIDENCE_MAX_CHARS, NAME_MAX_CHARS, QUOTE_MAX_CHARS, REASON_MAX_CHARS } from "./rules";

const n = (value: number) => value.toLocaleString("en-GB");

const text = (max: number, tooLong: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v == null ? undefined : normaliseText(v) || undefined))
    .refine((v) => v == null || v.length <= max, { error: tooLong });

const required = (missing: string, max: number, tooLong: string) =>
  z
    .string({ error: missing })
    .max(max * 2, { error: tooLong })
    .transform((v) => normaliseText(v))
    .refine((v) => v.length > 0, { error: missing })
    .refine((v) => v.length <= max, { error: tooLong });

/** What both challenge forms ask, its messages in `t`'s language. */
const challengeFields = (t: Translate) => ({
  claim: z.string({ error: t("commentPages.challenge.messages.claimMissing") }).min(1, { error: t("commentPages.challenge.messages.claimMissing") }),
  quote: text(QUOTE_MAX_CHARS, t("commentPages.challenge.messages.quoteTooLong", { max: n(QUOTE_MAX_CHARS) })),
  reason: required(t("commentPages.challenge.messages.reasonMissing"), REASON_MAX_CHARS, t("commentPages.challenge.messages.reasonTooLong", { max: n(REASON_MAX_CHARS) })),
  evidence: required(t("commentPages.challenge.messages.evidenceMissing"), EVIDENCE_MAX_CHARS, t("commentPages.challenge.messages.evidenceTooLong", { max: n(EVIDENCE_MAX_CHARS) })),
  [HONEYPOT_FIELD]: z.string().optional(),
});

/** A statement is challenged by quoting it. */
function needsQuote(t: Translate, v: { claim: string; quote?: string }, ctx: z.RefinementCtx) {
  if (v.claim.startsWith("statement:") && !v.quote) ctx.addIssue({ code: "custom", path: ["quote"], message: t("commentPages.challenge.messages.quoteMissing") });
}

/** The public form's schema, its messages in `t`'s language. */
export const challengeSchemaIn = (t: Translate) =>
  z.object(challengeFields(t)).superRefine((v, ctx) => needsQuote(t, v, ctx));
export const challengeSchema = challengeSchemaIn(translator("en"));

/** Through the staff link: the same, and how they appear; messages in `t`'s language. */
export const staffChallengeSchemaIn = (t: Translate) =>
  z
    .object({
      ...challengeFields(t),
      showAs: z.enum(["staff", "name"], { error: t("repPages.staffChallenge.messages.showAsMissing") }),
      name: text(NAME_MAX_CHARS, t("repPages.staffChallenge.messages.nameTooLong", { max: n(NAME_MAX_CHARS) })),
    })
    .superRefine((v, ctx) => {
      needsQuote(t, v, ctx);
      if (v.showAs === "name" && !v.name) ctx.addIssue({ code: "custom", path: ["name"], message: t("repPages.staffChallenge.messages.nameMissing") });
    });

export const answerSchema = z
  .object({
    answerKind: z.enum(["corrected", "stands"], { error: "Say whether the council has corrected it or why it stands" }),
    answer: required("Write the council's answer: it is published", ANSWER_MAX_CHARS, `The answer must be ${n(ANSWER_MAX_CHARS)} characters or fewer`),
    versionId: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.answerKind === "corrected" && !v.versionId) ctx.addIssue({ code: "custom", path: ["versionId"], message: "Choose the published version that corrects it" });
  });
