/**
 * 9. Consultation plan. Gunning 3 (enough time) and the Consultation Principles 2018: the
 * gate checks the length; the form checks that the dates are real.
 */
import { z } from "zod";
import { plannedLength } from "../period";
import type { Proposal } from "../types";
import { date, partsFromIsoDate, text, whenContinuing, type Mode } from "./fields";

export const planSchema = (mode: Mode, context: { today: string; isOpen: boolean; closesOn: string | null }) =>
  z
    .object({
      opensOn: date("The opening date", {
        required: context.isOpen ? undefined : whenContinuing(mode, "Enter the date the consultation opens"),
        notBefore: context.isOpen ? undefined : { iso: context.today, message: "The opening date must be today or in the future" },
      }),
      closesOn: date("The closing date", { required: whenContinuing(mode, "Enter the date the consultation closes") }),
      shortPeriodReason: text("The reason for a shorter consultation"),
      preElectionReason: text("The reason for consulting during a pre-election period"),
      howToRespond: text("How to respond", { required: whenContinuing(mode, "Say how people can respond") }),
      alternativeFormats: text("Other formats", { required: whenContinuing(mode, "Say how people can get the consultation in other formats") }),
      events: text("Events"),
    })
    .superRefine((v, ctx) => {
      // Once open, people have planned around the closing date: it can move later, never earlier.
      if (context.isOpen && context.closesOn && (!v.closesOn || v.closesOn < context.closesOn)) {
        ctx.addIssue({ code: "custom", path: ["closesOn"], message: "The closing date cannot be earlier than it was when the consultation opened" });
      }
    });

export const planDefaults = (p: Proposal) => ({
  opensOn: partsFromIsoDate(p.opensOn),
  closesOn: partsFromIsoDate(p.closesOn),
  shortPeriodReason: p.shortPeriodReason ?? "",
  preElectionReason: p.preElectionReason ?? "",
  howToRespond: p.howToRespond ?? "",
  alternativeFormats: p.alternativeFormats ?? "",
  events: p.events ?? "",
});

/**
 * What a saved plan writes besides its answers: until the consultation opens, the length its
 * two dates give, which approval fixes and a late opening keeps (period.ts).
 */
export function planColumns<V extends { opensOn: string | null; closesOn: string | null }>(value: V, isOpen: boolean): V & { periodDays?: number | null } {
  if (isOpen) return value;
  return { ...value, periodDays: plannedLength(value) };
}
