/** 2. Options considered. Moseley v Haringey 2014: the realistic alternatives and why each was rejected. */
import { z } from "zod";
import type { ProposalOption } from "../types";
import { SHORT_TEXT_MAX, text, yesNo, requiredText } from "./fields";

export const optionSchema = (context: { otherProposed: string | null }) =>
  z
    .object({
      title: requiredText("The name of the option", "Enter a short name for the option", { max: SHORT_TEXT_MAX }),
      description: requiredText("The description", "Describe the option"),
      isProposed: yesNo("Say whether this is the option the council is proposing"),
      rejectedBecause: text("Why it was rejected"),
    })
    .superRefine((v, ctx) => {
      if (v.isProposed && context.otherProposed) {
        ctx.addIssue({ code: "custom", path: ["isProposed"], message: `'${context.otherProposed}' is already the proposed option: change that option first if this one replaces it` });
      }
      if (v.isProposed === false && !v.rejectedBecause) {
        ctx.addIssue({ code: "custom", path: ["rejectedBecause"], message: "Explain why this option was rejected" });
      }
    })
    .transform((v) => ({ ...v, isProposed: v.isProposed === true, rejectedBecause: v.isProposed ? null : v.rejectedBecause }));

export const optionDefaults = (o: ProposalOption | null) => ({
  title: o?.title ?? "",
  description: o?.description ?? "",
  isProposed: o == null ? "" : o.isProposed ? "yes" : "no",
  rejectedBecause: o?.rejectedBecause ?? "",
});
