/** 11. Consultation questions: a few, each answered with a stance (agree to disagree) and free text. */
import { z } from "zod";
import { requiredText } from "./fields";

/** "A few": a long questionnaire puts people off responding at all. */
export const MAX_QUESTIONS = 10;

export const questionSchema = () =>
  z.object({
    question: requiredText("The question", "Enter the question", { max: 500 }),
    /** about the respondent's own circumstances (their child, their health): answers are never published */
    personal: z
      .string()
      .optional()
      .transform((v) => v === "yes"),
  });
