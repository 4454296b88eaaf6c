/**
 * 10. Staff and unions affected. The answer is always explicit: named staff groups and
 * unions, or a deliberate "no staff are affected". TULRCA 1992 s.188(4) lists what the union
 * notice must disclose when 20 or more redundancies are proposed.
 */
import { z } from "zod";
import type { Proposal } from "../types";
import { idList, text, ticked, type Mode } from "./fields";

export const S188_FIELDS = [
  { name: "redundancyReasons", label: "The reasons for the proposed redundancies", hint: "Section 188(4)(a)." },
  { name: "staffDescriptions", label: "The numbers and descriptions of staff who may be made redundant", hint: "Section 188(4)(b) and (c): by job and grade, and the total employed in each." },
  { name: "selectionMethod", label: "How staff would be selected for redundancy", hint: "Section 188(4)(d)." },
  { name: "dismissalMethodAndTiming", label: "How dismissals would be carried out and over what period", hint: "Section 188(4)(e)." },
] as const;

export const stakeholdersSchema = (mode: Mode, context: { staffGroupIds: number[]; unionIds: number[] }) =>
  z
    .object({
      staffGroups: idList(context.staffGroupIds, "Choose only from the staff groups listed"),
      unions: idList(context.unionIds, "Choose only from the unions listed"),
      noStaffAffected: ticked,
      redundancyReasons: text("The reasons for the proposed redundancies"),
      staffDescriptions: text("The numbers and descriptions of staff"),
      selectionMethod: text("The selection method"),
      dismissalMethodAndTiming: text("How dismissals would be carried out"),
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
  redundancyReasons: p.redundancyReasons ?? "",
  staffDescriptions: p.staffDescriptions ?? "",
  selectionMethod: p.selectionMethod ?? "",
  dismissalMethodAndTiming: p.dismissalMethodAndTiming ?? "",
});
