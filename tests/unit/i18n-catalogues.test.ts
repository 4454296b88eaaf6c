/**
 * The interface catalogues (issue 14, item 1): every key the code asks for exists in every
 * catalogue, every catalogue has exactly the English keys, nothing is left empty or in English
 * by mistake, every message is valid ICU and names the same values in every language.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "~/i18n/catalogues";
import { translator } from "~/i18n/i18n";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** Keys named literally in calls to t("…") (and i18nKey="…") anywhere under app/. */
function keysUsed(): { key: string; file: string }[] {
  const used: { key: string; file: string }[] = [];
  for (const file of sourceFiles(path.resolve("app"))) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\bt\(\s*"([A-Za-z0-9_.]+)"/g)) used.push({ key: m[1], file });
    for (const m of text.matchAll(/\bi18nKey="([A-Za-z0-9_.]+)"/g)) used.push({ key: m[1], file });
  }
  return used;
}

/** The names of the values a message takes ({name}, {count, plural, …}). */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (elements: unknown[]) => {
    for (const el of elements as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
      if (el.type !== 0 && el.type !== 7 && typeof el.value === "string") names.add(el.value);
      if (el.options) for (const o of Object.values(el.options)) walk(o.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return [...names].sort();
}

const english = flatten(CATALOGUES.en as unknown as Tree);

describe("interface catalogues", () => {
  it("the code asks only for keys that exist, and asks for some", () => {
    const used = keysUsed();
    expect(used.length).toBeGreaterThan(20);
    const missing = used.filter((u) => !english.has(u.key)).map((u) => `${u.key} (${path.relative(process.cwd(), u.file)})`);
    expect(missing).toEqual([]);
  });

  for (const [code, catalogue] of Object.entries(CATALOGUES)) {
    describe(code, () => {
      const messages = flatten(catalogue as unknown as Tree);

      it("has exactly the English keys, none empty", () => {
        expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
        expect([...messages].filter(([, v]) => v.trim() === "").map(([k]) => k)).toEqual([]);
      });

      it("has valid ICU messages taking the same values as the English", () => {
        const locale = catalogue.meta.formatLocale;
        const wrong: string[] = [];
        for (const [key, value] of messages) {
          try {
            if (argumentsOf(value, locale).join() !== argumentsOf(english.get(key)!, "en-GB").join()) wrong.push(`${key}: other values than the English`);
          } catch (error) {
            wrong.push(`${key}: ${(error as Error).message}`);
          }
        }
        expect(wrong).toEqual([]);
      });

      it("translates through i18next without returning a key", () => {
        const t = translator(code as keyof typeof CATALOGUES);
        for (const key of messages.keys()) {
          if (key.startsWith("meta.")) continue;
          const text = t(key as never, { count: 2, n: 2 } as never) as unknown as string;
          expect(text, key).not.toBe(key);
        }
      });
    });
  }

  it("Bengali is in Bengali: no message is the English one, except names and codes kept on purpose", () => {
    const bengali = flatten(CATALOGUES.bn as unknown as Tree);
    const SAME_ON_PURPOSE = new Set(["meta.dir"]);
    const same = [...bengali].filter(([k, v]) => !SAME_ON_PURPOSE.has(k) && v === english.get(k) && /[A-Za-z]{3}/.test(v)).map(([k]) => k);
    expect(same).toEqual([]);
    // Every message with words has Bengali script in it.
    const noBengali = [...bengali].filter(([k, v]) => !k.startsWith("meta.") && /[A-Za-z]{4}/.test(v.replace(/\{[^}]*\}/g, "")) && !/[\u0980-\u09FF]/.test(v)).map(([k]) => k);
    expect(noBengali).toEqual([]);
  });

  it("uses Bengali plural rules (1 is one, 0 is one, 2 is other) through ICU", () => {
    const plural = new IntlMessageFormat("{count, plural, one {# ONE} other {# OTHER}}", CATALOGUES.bn.meta.formatLocale);
    expect(plural.format({ count: 1 })).toBe("1 ONE");
    expect(plural.format({ count: 0 })).toBe("0 ONE");
    expect(plural.format({ count: 2 })).toBe("2 OTHER");
  });
});
