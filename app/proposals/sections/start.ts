/** Starting a proposal: its title, the service it belongs to and the lead officer. */
import { z } from "zod";
import { SHORT_TEXT_MAX, requiredText } from "./fields";

export const startSchema = (context: { serviceIds: number[] }) =>
  z.object({
    title: requiredText("The title", "Enter a title for the proposal", { max: 200 }),
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
    leadOfficer: requiredText("The lead officer", "Enter the name and job title of the lead officer", { max: SHORT_TEXT_MAX }),
  });
