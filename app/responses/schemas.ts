/**
 * One zod schema per form, used by the page (Conform validates on submit) and by the action
 * (which validates again: the browser's check is a convenience, the server's is the rule).
 * Messages follow the GOV.UK pattern: say what to do, no "please", "valid" or "invalid".
 */
import { z } from "zod";
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

export const emailSchema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .max(EMAIL_MAX_CHARS, { error: `Email address must be ${EMAIL_MAX_CHARS} characters or fewer` })
    .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" })),
  redirectTo: z.string().optional(),
  [HONEYPOT_FIELD]: honeypot,
});

/** Free text from the public: stored normalised (rules.normaliseText). */
const text = (max: number, tooLong: string) =>
  z
    .string()
    .optional()
    // Not a pipe into a second string schema: Conform would read its "" as a missing value.
    .transform((v) => (v == null ? undefined : normaliseText(v) || undefined))
    .refine((v) => v == null || v.length <= max, { error: tooLong });

export const aboutYouSchema = z
  .object({
    showName: z.enum(["name", "resident"], { error: "Select how your name appears next to your comments" }),
    name: text(NAME_MAX_CHARS, `Your name must be ${NAME_MAX_CHARS} characters or fewer`),
    respondingAs: z.enum(RESPONDING_AS, { error: "Select who you are responding as" }),
    organisationName: text(ORGANISATION_MAX_CHARS, `The organisation’s name must be ${ORGANISATION_MAX_CHARS} characters or fewer`),
    redirectTo: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.showName === "name" && !v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "Enter your name, or choose to appear as Resident" });
    if (v.respondingAs === "organisation" && !v.organisationName) {
      ctx.addIssue({ code: "custom", path: ["organisationName"], message: "Enter the name of the organisation or group you are responding for" });
    }
  });

export const commentSchema = z.object({
  body: z
    .string({ error: "Enter your comment" })
    .max(COMMENT_MAX_CHARS, { error: `Your comment must be ${n(COMMENT_MAX_CHARS)} characters or fewer` })
    .refine((v) => normaliseText(v).length > 0, { error: "Enter your comment" }),
  parentId: z.string().optional(),
  [HONEYPOT_FIELD]: honeypot,
});

export const reportSchema = z.object({
  rule: z.string({ error: "Select why you are reporting this comment" }),
  details: text(REPORT_DETAILS_MAX_CHARS, `Your details must be ${n(REPORT_DETAILS_MAX_CHARS)} characters or fewer`),
  [HONEYPOT_FIELD]: honeypot,
});

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
export function answersSchema(questions: { id: number }[]) {
  const shape: Record<string, z.ZodType> = {
    // Not publishing is the default: a respondent who says nothing is not published.
    [PUBLISH_FIELD]: z.enum(["yes", "no"], { error: "Select whether your answers may be published" }).optional(),
    [UPDATES_FIELD]: z.enum(["yes"], { error: "Select whether you want emails about the outcome" }).optional(),
  };
  for (const q of questions) {
    shape[stanceField(q.id)] = z.enum(STANCES, { error: "Select one of the options" }).optional();
    shape[answerField(q.id)] = text(ANSWER_MAX_CHARS, `Your answer must be ${n(ANSWER_MAX_CHARS)} characters or fewer`);
  }
  return z
    .object(shape)
    .superRefine((values, ctx) => {
      const answered = questions.some((q) => values[stanceField(q.id)] || values[answerField(q.id)]);
      if (!answered && questions.length > 0) {
        ctx.addIssue({ code: "custom", path: [questions[0] ? answerField(questions[0].id) : ""], message: "Answer at least one question" });
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
