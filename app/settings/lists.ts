/**
 * The settings that are lists of named things proposals refer to by key: the council's own
 * equality characteristics (beside the nine in the Equality Act 2010), the grounds for
 * withholding part of a document, and the establishments s.188 counts redundancies at. A key never changes once made, so renaming one keeps every
 * equality row and withheld part that uses it. Pure.
 */
import { z } from "zod";
import { STATUTORY_CHARACTERISTICS, type Settings } from "~/lib/settings";

export type ListDef = {
  key: "localCharacteristics" | "withholdingGrounds" | "establishments";
  slug: string;
  title: string;
  description: string;
  /** "characteristic", "ground" */
  item: string;
  labelHint: string;
  /** what uses an item, in "used by 3 …" */
  usedBy: string;
  /** the table's caption */
  caption: string;
};

export const LIST_SECTIONS: ListDef[] = [
  {
    key: "localCharacteristics",
    slug: "equality-characteristics",
    title: "Equality characteristics",
    description:
      "Every equality impact assessment covers the nine protected characteristics of the Equality Act 2010 and the council's own characteristics listed here. Adding one asks it of every proposal not yet published.",
    item: "characteristic",
    labelHint: "For example, Carers, or Armed forces community",
    usedBy: "equality assessments",
    caption: "The council's own characteristics",
  },
  {
    key: "withholdingGrounds",
    slug: "withholding-grounds",
    title: "Grounds for withholding",
    description:
      "The legal grounds an officer can give for withholding part of a document. The public page shows the ground beside what was withheld. Commercial confidentiality is not in itself a reason to withhold (Local Government Transparency Code 2015).",
    item: "ground",
    labelHint: "Name the law, for example: Legal professional privilege (Freedom of Information Act 2000, section 42)",
    usedBy: "withheld parts of documents",
    caption: "Grounds",
  },
  {
    key: "establishments",
    slug: "establishments",
    title: "Establishments",
    description:
      "The places staff are assigned to. Redundancies proposed at one establishment within 90 days are counted together, across proposals, for collective consultation (Trade Union and Labour Relations (Consolidation) Act 1992, section 188). With only one, every proposal is at it and officers are not asked.",
    item: "establishment",
    labelHint: "For example, Moor Lane depot, or Ashdown House",
    usedBy: "proposals",
    caption: "Establishments",
  },
];

export function listBySlug(slug: string | undefined): ListDef | undefined {
  return LIST_SECTIONS.find((l) => l.slug === slug);
}

export function listItems(settings: Settings, list: ListDef): { key: string; label: string }[] {
  return settings[list.key];
}

/** A key from a label: "Armed forces community" → "armed_forces_community", unique in `taken`. */
export function keyFor(label: string, taken: readonly string[]): string {
  const base =
    label
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 40) || "item";
  let key = base;
  for (let i = 2; taken.includes(key); i++) key = `${base}_${i}`;
  return key;
}

export const itemSchema = (list: ListDef) =>
  z.object({
    label: z
      .string({ error: `Enter the ${list.item}'s name` })
      .trim()
      .min(1, { error: `Enter the ${list.item}'s name` })
      .max(200, { error: `The name must be 200 characters or fewer` })
      .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { error: "The name must be on one line" }),
  });

/** Why this label cannot be used (a name already in the list, or a statutory characteristic). */
export function labelRefusal(list: ListDef, items: readonly { key: string; label: string }[], label: string, exceptKey?: string): string | null {
  const same = (a: string) => a.trim().toLowerCase() === label.trim().toLowerCase();
  if (list.key === "localCharacteristics" && STATUTORY_CHARACTERISTICS.some((c) => same(c.label))) {
    return `${label} is already one of the nine protected characteristics`;
  }
  if (items.some((i) => i.key !== exceptKey && same(i.label))) return `There is already a ${list.item} called ${label}`;
  return null;
}
