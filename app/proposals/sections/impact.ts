/**
 * 3. Impact figures. "No figures" was the heart of the CAMHS complaint, so each figure is
 * asked for on its own; 0 is an answer and a blank is not.
 */
import { z } from "zod";
import type { Proposal } from "../types";
import { choice, decimalNumber, text, wholeNumber, whenContinuing, SHORT_TEXT_MAX, type Mode } from "./fields";

export const BUDGET_DIRECTIONS = ["saving", "increase", "none"] as const;

export const impactSchema = (mode: Mode) =>
  z
    .object({
      postsAffected: wholeNumber("Posts affected", "12", { required: whenContinuing(mode, "Enter the number of staff posts affected, or 0 if none") }),
      fteAffected: decimalNumber("Full-time equivalent posts affected", "11.4", { required: whenContinuing(mode, "Enter the full-time equivalent (FTE) of the posts affected, or 0 if none") }),
      serviceWorkforcePosts: wholeNumber("Posts in the service", "48"),
      serviceUsersPerYear: wholeNumber("Service users affected a year", "620", { required: whenContinuing(mode, "Enter how many service users are affected a year, or 0 if none") }),
      activityDescription: text("The activity affected", { max: SHORT_TEXT_MAX, required: whenContinuing(mode, "Say what activity is affected, for example child mental-health assessments") }),
      activityPerYear: wholeNumber("Activity affected a year", "450", { required: whenContinuing(mode, "Enter how much of that activity is affected a year, or 0 if none") }),
      budgetDirection: choice(BUDGET_DIRECTIONS, "Say whether the change saves money, costs more or makes no difference", { required: mode === "continue" }),
      budgetAmount: wholeNumber("The amount", "540,000"),
    })
    .superRefine((v, ctx) => {
      if (mode === "continue" && (v.postsAffected ?? 0) > 0 && v.serviceWorkforcePosts == null) {
        ctx.addIssue({ code: "custom", path: ["serviceWorkforcePosts"], message: "Enter the number of posts in the whole service, so the posts affected can be shown as a share" });
      }
      if ((v.budgetDirection === "saving" || v.budgetDirection === "increase") && v.budgetAmount == null) {
        ctx.addIssue({ code: "custom", path: ["budgetAmount"], message: `Enter the amount of the ${v.budgetDirection === "saving" ? "saving" : "increase"} a year in pounds` });
      }
    })
    .transform(({ budgetDirection, budgetAmount, ...figures }) => ({
      ...figures,
      // Stored as one signed figure: a saving is negative.
      budgetChangeGbp: budgetDirection == null ? null : budgetDirection === "none" ? 0 : budgetDirection === "saving" ? -(budgetAmount ?? 0) : (budgetAmount ?? 0),
    }));

export function impactDefaults(p: Proposal, workforceFromService: number | null) {
  const budget = p.budgetChangeGbp;
  const count = (n: number | null) => (n == null ? "" : String(n));
  return {
    postsAffected: count(p.postsAffected),
    fteAffected: count(p.fteAffected),
    // Offer the service's own figure until the officer gives one.
    serviceWorkforcePosts: count(p.serviceWorkforcePosts ?? workforceFromService),
    serviceUsersPerYear: count(p.serviceUsersPerYear),
    activityDescription: p.activityDescription ?? "",
    activityPerYear: count(p.activityPerYear),
    budgetDirection: budget == null ? "" : budget < 0 ? "saving" : budget > 0 ? "increase" : "none",
    budgetAmount: budget ? String(Math.abs(budget)) : "",
  };
}
