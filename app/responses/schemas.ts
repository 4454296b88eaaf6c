/**
 * One zod schema per form, used by the page (Conform validates on submit) and by the action
 * (which validates again: the browser's check is a convenience, the server's is the rule).
 * Messages follow the GOV.UK pattern: say what to do, no "please", "valid" or "invalid".
 */
import { z } from "zod";
import { translator, type Translate } from "~/i18n/i18n";
import {
  ANSWER_MAX_CHARS,
  COMMENT_MAX_CHARS,
  EMAIL_MAX_CHARS,
  MODERATION_NOTE_MAX_CHARS,
  NAME_MAX_CHARS,
  ORGANISATION_MAX_CHARS,
  REPORT_DETAILS_MAX_CHARS,
  RESPONDING_AS,
  STANCES,
  normaliseText,
} from "./rules";

/** The honeypot: a field people never see or fill in, and form-filling robots do. */
export const HONEYPOT_FIELD = "website";
const honeypot = z.string().optional();

const n = (value: number) => value.toLocaleString("en-GB");
/** Messages in English unless the page or action passes its language's translate function. */
const ENGLISH: Translate = translator("en");

export const emailSchemaIn = (t: Translate) =>
  z.object({
    email: z
      .string({ error: t("validation.emailMissing") })
      .trim()
      .max(EMAIL_MAX_CHARS, { error: t("validation.emailTooLong", { max: EMAIL_MAX_CHARS }) })
      .pipe(z.email({ error: t("validation.emailFormat") })),
    redirectTo: z.string().optional(),
    [HONEYPOT_FIELD]: honeypot,
  });
export const emailSchema = emailSchemaIn(ENGLISH);

/** Free text from the public: stored normalised (rules.normaliseText). */
const text = (max: number, tooLong: string) =>
  z
    .string()
    .optional()
    // Not a pipe into a second string schema: Conform would read its "" as a missing value.
    .transform((v) => (v == null ? undefined : normaliseText(v) || undefined))
    .refine((v) => v == null || v.length <= max, { error: tooLong });

export const aboutYouSchemaIn = (t: Translate) =>
  z
    .object({
      showName: z.enum(["name", "resident"], { error: t("validation.showNameMissing") }),
      name: text(NAME_MAX_CHARS, t("validation.nameTooLong", { max: NAME_MAX_CHARS })),
      respondingAs: z.enum(RESPONDING_AS, { error: t("validation.respondingAsMissing") }),
      organisationName: text(ORGANISATION_MAX_CHARS, t("validation.organisationTooLong", { max: ORGANISATION_MAX_CHARS })),
      redirectTo: z.string().optional(),
    })
    .superRefine((v, ctx) => {
      if (v.showName === "name" && !v.name) ctx.addIssue({ code: "custom", path: ["name"], message: t("validation.nameMissing") });
      if (v.respondingAs === "organisation" && !v.organisationName) {
        ctx.addIssue({ code: "custom", path: ["organisationName"], message: t("validation.organisationMissing") });
      }
    });
export const aboutYouSchema = aboutYouSchemaIn(ENGLISH);

export const commentSchemaIn = (t: Translate) =>
  z.object({
    body: z
      .string({ error: t("commentPages.messages.commentMissing") })
      .max(COMMENT_MAX_CHARS, { error: t("commentPages.messages.commentTooLong", { max: n(COMMENT_MAX_CHARS) }) })
      .refine((v) => normaliseText(v).length > 0, { error: t("commentPages.messages.commentMissing") }),
    parentId: z.string().optional(),
    [HONEYPOT_FIELD]: honeypot,
  });
export const commentSchema = commentSchemaIn(ENGLISH);

export const reportSchemaIn = (t: Translate) =>
  z.object({
    rule: z.string({ error: t("commentPages.messages.reportRuleMissing") }),
    details: text(REPORT_DETAILS_MAX_CHARS, t("commentPages.messages.reportDetailsTooLong", { max: n(REPORT_DETAILS_MAX_CHARS) })),
    [HONEYPOT_FIELD]: honeypot,
  });
export const reportSchema = reportSchemaIn(ENGLISH);

export const moderationSchema = z.object({
  intent: z.enum(["hide", "restore", "approve"], { error: "Choose what to do with the comment" }),
  rule: z.string().optional(),
  note: text(MODERATION_NOTE_MAX_CHARS, `The note must be ${n(MODERATION_NOTE_MAX_CHARS)} characters or fewer`),
});

/** Field names for a question's answer, shared by the form and the action. */
export const stanceField = (questionId: number) => `stance-${questionId}`;
export const answerField = (questionId: number) => `answer-${questionId}`;

/** The respondent's choices beside their answers (answers.server.ts saveOnlineResponse). */
export const PUBLISH_FIELD = "publishAnswers";
export const UPDATES_FIELD = "updates";

/** The answers form for this consultation's questions: every answer optional, at least one given. */
export function answersSchema(questions: { id: number }[], t: Translate = ENGLISH) {
  const shape: Record<string, z.ZodType> = {
    // Not publishing is the default: a respondent who says nothing is not published.
    [PUBLISH_FIELD]: z.enum(["yes", "no"], { error: t("validation.publishMissing") }).optional(),
    [UPDATES_FIELD]: z.enum(["yes"], { error: t("validation.updatesMissing") }).optional(),
  };
  for (const q of questions) {
    shape[stanceField(q.id)] = z.enum(STANCES, { error: t("validation.stanceMissing") }).optional();
    shape[answerField(q.id)] = text(ANSWER_MAX_CHARS, t("validation.answerTooLong", { max: n(ANSWER_MAX_CHARS) }));
  }
  return z
    .object(shape)
    .superRefine((values, ctx) => {
      const answered = questions.some((q) => values[stanceField(q.id)] || values[answerField(q.id)]);
      if (!answered && questions.length > 0) {
        ctx.addIssue({ code: "custom", path: [questions[0] ? answerField(questions[0].id) : ""], message: t("validation.answerOne") });
      }
    });
}

export function answersFrom(values: Record<string, unknown>, questions: { id: number }[]) {
  return questions.map((q) => ({
    questionId: q.id,
    stance: (values[stanceField(q.id)] as (typeof STANCES)[number] | undefined) ?? null,
    text: (values[answerField(q.id)] as string | undefined) ?? null,
  }));
}
