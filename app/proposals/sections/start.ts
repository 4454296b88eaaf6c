/** Starting a proposal: its title, the service it belongs to and the lead officer; later, the
 * title and lead officer on a page of their own (the gate judges them, readiness.ts). */
import { z } from "zod";
import type { Proposal } from "../types";
import { SHORT_TEXT_MAX, requiredText } from "./fields";

export const TITLE_MAX = 200;

const titleField = () => requiredText("The title", "Enter a title for the proposal", { max: TITLE_MAX });
const leadOfficerField = () => requiredText("The lead officer", "Enter the name and job title of the lead officer", { max: SHORT_TEXT_MAX });

export const titleSchema = () => z.object({ title: titleField(), leadOfficer: leadOfficerField() });
export const titleDefaults = (p: Pick<Proposal, "title" | "leadOfficer">) => ({ title: p.title, leadOfficer: p.leadOfficer });

export const startSchema = (context: { serviceIds: number[] }) =>
  z.object({
    title: titleField(),
    serviceId: z
      .string({ error: "Choose the service the proposal belongs to" })
      .transform((v, ctx) => {
        const id = Number(v);
        if (!Number.isInteger(id) || !context.serviceIds.includes(id)) {
          ctx.addIssue({ code: "custom", message: "Choose the service the proposal belongs to" });
          return z.NEVER;
        }
        return id;
      }),
    leadOfficer: leadOfficerField(),
  });
