/**
 * 2. Full details. Gunning 1 and 2: what changes and why, the service now and after, the
 * timeline, and what is already decided versus still open, so nobody is consulted on a
 * decision already taken.
 */
import { z } from "zod";
import type { Proposal } from "../types";
import { text, whenContinuing, type Mode } from "./fields";

export const DETAILS_FIELDS = [
  { name: "whatChanges", label: "What will change", hint: "Say exactly what would be different: posts, hours, buildings, who does what.", required: "Describe what will change" },
  { name: "whyChange", label: "Why the change is needed", hint: "Give the reasons, with figures where you have them.", required: "Explain why the change is needed" },
  { name: "currentService", label: "The service now", hint: "Who uses it, who provides it, how much of it there is.", required: "Describe the service as it is now" },
  { name: "proposedService", label: "The service after the change", hint: "What people would get instead, and from whom.", required: "Describe the service as it would be after the change" },
  { name: "timeline", label: "Timeline", hint: "When the council would decide and when the change would happen.", required: "Give the timeline for the change" },
  { name: "alreadyDecided", label: "What has already been decided", hint: "For example a savings total set in the budget. If nothing has, say so.", required: "Say what has already been decided, or that nothing has" },
  { name: "openToChange", label: "What is open to change", hint: "What the consultation could still change.", required: "Say what could still change as a result of the consultation" },
] as const;

export type DetailsField = (typeof DETAILS_FIELDS)[number]["name"];

export const detailsSchema = (mode: Mode) =>
  z.object(
    Object.fromEntries(DETAILS_FIELDS.map((f) => [f.name, text(f.label, { required: whenContinuing(mode, f.required) })])) as Record<DetailsField, ReturnType<typeof text>>,
  );

export const detailsDefaults = (p: Proposal) => Object.fromEntries(DETAILS_FIELDS.map((f) => [f.name, p[f.name] ?? ""])) as Record<DetailsField, string>;
