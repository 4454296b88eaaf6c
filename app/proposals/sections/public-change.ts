/**
 * After a consultation opens, every change is published as a new version with a note saying
 * what changed and why. A material change asks whether to extend the closing date, so that
 * people have time to respond to what the proposal now says (Gunning 3).
 */
import { z } from "zod";
import { meetsMinimumWords } from "../text-quality";
import { date, partsFromIsoDate, text, yesNo } from "./fields";

export type PublicChange = { changeNote: string; material: boolean; newClosesOn: string | null };

export const publicChangeSchema = (context: { closesOn: string | null }) =>
  z
    .object({
      changeNote: text("The change note", { max: 2000, required: "Explain what you changed and why: the note is published with the change" }).refine((note) => note == null || meetsMinimumWords(note, 5), {
        message: "Explain what you changed and why, in at least 5 words",
      }),
      material: yesNo("Say whether this is a material change"),
      extendClosing: yesNo("Say whether to extend the closing date", { required: false }),
      newClosesOn: date("The new closing date"),
    })
    .superRefine((v, ctx) => {
      if (v.material && v.extendClosing == null) {
        ctx.addIssue({ code: "custom", path: ["extendClosing"], message: "Say whether to extend the closing date" });
      }
      if (v.material && v.extendClosing) {
        if (!v.newClosesOn) ctx.addIssue({ code: "custom", path: ["newClosesOn"], message: "Enter the new closing date" });
        else if (context.closesOn && v.newClosesOn <= context.closesOn) ctx.addIssue({ code: "custom", path: ["newClosesOn"], message: "The new closing date must be after the current closing date" });
      }
    })
    .transform(
      (v): PublicChange => ({
        changeNote: v.changeNote ?? "",
        material: v.material === true,
        newClosesOn: v.material && v.extendClosing ? v.newClosesOn : null,
      }),
    );

export const publicChangeDefaults = { changeNote: "", material: "", extendClosing: "", newClosesOn: partsFromIsoDate(null) };
