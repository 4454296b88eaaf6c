/** 5. Dependencies: the services, teams, partners and contracts the change touches, and whether they were consulted. */
import { z } from "zod";
import { DEPENDENCY_KIND_LABELS as KIND_LABELS } from "../labels";
import type { DEPENDENCY_KINDS as SCHEMA_DEPENDENCY_KINDS } from "#db/schema";
import type { Dependency } from "../types";
import { choice, SHORT_TEXT_MAX, text, yesNo, requiredText } from "./fields";

// The same list as the schema's, written here so the browser bundle does not load the database schema.
export const DEPENDENCY_KINDS = ["service", "team", "partner", "contract"] as const satisfies typeof SCHEMA_DEPENDENCY_KINDS;

export const DEPENDENCY_KIND_LABELS: Record<(typeof DEPENDENCY_KINDS)[number], string> = KIND_LABELS;

export const dependencySchema = () =>
  z.object({
    name: requiredText("The name", "Enter the name of the service, team, partner or contract", { max: SHORT_TEXT_MAX }),
    kind: choice(DEPENDENCY_KINDS, "Choose whether it is a service, a team, a partner or a contract"),
    effect: requiredText("The effect", "Say how the change would affect them", { max: 5000 }),
    consulted: yesNo("Say whether they have been consulted"),
    consultationNote: text("The note about consulting them", { max: 5000 }),
  });

export const dependencyDefaults = (d: Dependency | null) => ({
  name: d?.name ?? "",
  kind: d?.kind ?? "",
  effect: d?.effect ?? "",
  consulted: d?.consulted == null ? "" : d.consulted ? "yes" : "no",
  consultationNote: d?.consultationNote ?? "",
});
