/** The house rules in Bengali (content/house-rules.bn.md): the same rules under the same keys, chosen by the page's language. */
import { beforeAll, describe, expect, it } from "vitest";
import { seeded } from "./responses-fixtures";

beforeAll(async () => {
  await seeded();
});
import { loadHouseRules, ruleChoices, ruleTitle } from "~/responses/house-rules.server";

describe("house rules by language", () => {
  it("the Bengali file has every English rule, under the same key, in Bengali", () => {
    const en = loadHouseRules("en");
    const bn = loadHouseRules("bn");
    expect(bn.language).toBe("bn");
    expect(bn.rules.map((r) => r.key)).toEqual(en.rules.map((r) => r.key));
    for (const rule of bn.rules) expect(rule.title, rule.key).toMatch(/[\u0980-\u09FF]/);
    expect(ruleTitle("abuse", ruleChoices("bn"))).toBe(bn.rules.find((r) => r.key === "abuse")!.title);
  });

  it("English is read as before; the council's name in the Bengali text is marked English", () => {
    expect(loadHouseRules().language).toBe("en");
    expect(loadHouseRules().introHtml).toContain("Northmoor");
    expect(loadHouseRules("bn").introHtml).toMatch(/<span lang="en-GB">Northmoor[^<]*<\/span>/);
    expect(loadHouseRules("bn").introHtml).not.toContain("\u27E6");
  });
});
