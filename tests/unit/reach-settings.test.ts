/**
 * The settings pages for reaching everyone affected (issue 14): the demo council's easy read,
 * paper pack, other formats and monitoring settings show on their pages and save back unchanged,
 * and a page refuses what would break the pages that read them.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { mergeSettings } from "~/lib/settings";
import { fieldName, formDefaults, parsePlaceLine, placeLine, sectionBySlug, sectionSchema } from "~/settings/sections";

// The demo council's reach settings (the file's other settings are turned into values by the seed).
const yaml = parse(fs.readFileSync("content/council.yaml", "utf8"));
const council = mergeSettings({ easyRead: yaml.easyRead, paperPacks: yaml.paperPacks, alternativeFormats: yaml.alternativeFormats, monitoring: yaml.monitoring });

function save(slug: string, changes: Record<string, string> = {}) {
  const section = sectionBySlug(slug)!;
  const input = { ...formDefaults(section, council), ...Object.fromEntries(Object.entries(changes).map(([k, v]) => [fieldName(k), v])) };
  return sectionSchema(section).safeParse(input);
}

describe("reach settings pages", () => {
  it("show the demo council's values and save them back unchanged, places and all", () => {
    expect(council.paperPacks.places.length).toBeGreaterThan(3);
    for (const slug of ["easy-read", "paper-packs", "other-formats", "equality-monitoring"]) {
      const parsed = save(slug);
      expect(parsed.error?.issues ?? [], slug).toEqual([]);
      const key = sectionBySlug(slug)!.key;
      expect(parsed.data).toEqual(Object.fromEntries(sectionBySlug(slug)!.fields.map((f) => [f.path, (council[key] as Record<string, unknown>)[f.path]])));
    }
  });

  it("a place is one line and back", () => {
    for (const place of council.paperPacks.places) expect(parsePlaceLine(placeLine(place))).toEqual(place);
    expect(parsePlaceLine("Central Library | library | Market Street")).toHaveProperty("error");
    expect(parsePlaceLine("central | Central Library | castle | Market Street")).toMatchObject({ error: expect.stringContaining("castle") });
  });

  it("refuse a reference that is not capitals, no postal address, a place twice, and easy read limits the wrong way round", () => {
    const messages = (r: ReturnType<typeof save>) => (r.success ? [] : r.error.issues.map((i) => i.message));
    expect(messages(save("paper-packs", { referencePrefix: "nmc-1" }))).toContain("The start of the reference must be 2 to 6 capital letters, like NMC");
    expect(messages(save("paper-packs", { postalAddress: "  " }))).toContain("Enter the postal address for responses");
    const one = placeLine(council.paperPacks.places[0]);
    expect(messages(save("paper-packs", { places: `${one}\n${one}` })).join()).toContain("used twice");
    expect(messages(save("easy-read", { minWords: "300", maxWords: "200" }))).toContain("The longest easy read summary must be longer than the shortest");
    expect(messages(save("equality-monitoring", { smallNumber: "1" })).join()).toContain("3 or more");
    expect(messages(save("other-formats", { dueWorkingDays: "0" })).join()).toContain("1 working days or more");
  });
});
