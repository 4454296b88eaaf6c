import fs from "node:fs";
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * The browser tests with the spec files in reverse alphabetical order (issue 15: files pass in any
 * order), one file after another: `npx playwright test -c playwright.reverse.config.ts`.
 * Playwright always orders files by name, so each file is a project that depends on the one
 * before it in the reversed list. A project runs only after its dependency passed, so the first
 * failure stops the chain: read the report from the top. Not part of `npm test`.
 */
const files = fs
  .readdirSync(new URL("./tests/e2e", import.meta.url))
  .filter((name) => name.endsWith(".spec.ts"))
  .sort()
  .reverse();

const chains = Number(base.workers ?? 1);
const project = (file: string) => file.replace(/\.spec\.ts$/, "");

export default defineConfig({
  ...base,
  projects: files.map((file, i) => ({
    name: project(file),
    testMatch: new RegExp(`/${file.replace(/[.]/g, "\\.")}$`),
    dependencies: i < chains ? [] : [project(files[i - chains])],
  })),
});
