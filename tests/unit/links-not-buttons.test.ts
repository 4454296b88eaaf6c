/**
 * A link styled as a button stays a link to assistive technology: no role="button" (which would
 * promise that Space presses it, as it does a real button, when a link only answers Enter).
 * Issue 9, item 7. Reads every component and route under app/.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : /\.tsx$/.test(e.name) ? [full] : [];
  });
}

describe("links styled as buttons", () => {
  it("carry no role of button anywhere in the app", () => {
    const offenders = sources(path.resolve("app")).flatMap((file) =>
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ file: path.relative(process.cwd(), file), line: i + 1, text: line.trim() }))
        .filter((l) => /role=["{']+button/.test(l.text)),
    );
    expect(offenders).toEqual([]);
  });
});
