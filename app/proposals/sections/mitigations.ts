/** 6. Mitigations: an action, who owns it and by when, linked to the risks and equality impacts it addresses. */
import { z } from "zod";
import type { Mitigation } from "../types";
import { date, idList, partsFromIsoDate, SHORT_TEXT_MAX, text, requiredText } from "./fields";

export const mitigationSchema = (context: { riskIds: number[]; equalityRowIds: number[] }) =>
  z
    .object({
      action: requiredText("The action", "Describe what the council would do", { max: 5000 }),
      owner: requiredText("Who is responsible", "Say who is responsible for the action, by job title", { max: SHORT_TEXT_MAX }),
      dueOn: date("The date it will be done by", { required: "Enter the date the action will be done by" }),
      riskIds: idList(context.riskIds, "Choose only from the risks listed"),
      equalityRowIds: idList(context.equalityRowIds, "Choose only from the equality impacts listed"),
    })
    .superRefine((v, ctx) => {
      if (!v.riskIds.length && !v.equalityRowIds.length) {
        ctx.addIssue({ code: "custom", path: [context.riskIds.length ? "riskIds" : "equalityRowIds"], message: "Choose the risks or equality impacts this mitigation addresses" });
      }
    });

export const mitigationDefaults = (m: Mitigation | null, preselectRisk: number | null) => ({
  action: m?.action ?? "",
  owner: m?.owner ?? "",
  dueOn: partsFromIsoDate(m?.dueOn),
  riskIds: (m?.riskIds ?? (preselectRisk ? [preselectRisk] : [])).map(String),
  equalityRowIds: (m?.equalityRowIds ?? []).map(String),
});
