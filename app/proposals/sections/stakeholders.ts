/**
 * 10. Staff and unions affected. The answer is always explicit: named staff groups and
 * unions, or a deliberate "no staff are affected". What the law requires the unions to be told
 * about redundancies and transfers is asked next, on its own page (employment.ts).
 */
import { z } from "zod";
import type { Proposal } from "../types";
import { idList, ticked, type Mode } from "./fields";

export const stakeholdersSchema = (mode: Mode, context: { staffGroupIds: number[]; unionIds: number[] }) =>
  z
    .object({
      staffGroups: idList(context.staffGroupIds, "Choose only from the staff groups listed"),
      unions: idList(context.unionIds, "Choose only from the unions listed"),
      noStaffAffected: ticked,
    })
    .superRefine((v, ctx) => {
      if (v.noStaffAffected && (v.staffGroups.length || v.unions.length)) {
        ctx.addIssue({ code: "custom", path: ["noStaffAffected"], message: "You chose staff groups or unions and also said no staff are affected: change one of the answers" });
      } else if (mode === "continue" && !v.noStaffAffected && !v.staffGroups.length) {
        ctx.addIssue({ code: "custom", path: ["staffGroups"], message: "Choose the staff groups affected, or say that no staff are affected" });
      }
    });

export const stakeholdersDefaults = (p: Proposal) => ({
  staffGroups: p.staffGroups.map((g) => String(g.id)),
  unions: p.unions.map((u) => String(u.id)),
  noStaffAffected: p.noStaffAffected ? "on" : "",
});
