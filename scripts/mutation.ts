/**
 * `npm run test:mutation`: mutation testing (StrykerJS, Vitest runner) of the modules that carry
 * the product's promises, one module at a time, each against the test files that exercise it.
 * Prints each module's mutation score (killed and timed-out mutants over all that were tried)
 * and exits 1 if any is under 80%.
 *
 *   npm run test:mutation                       every module, one after another
 *   npm run test:mutation -- visibility gate    just these
 *   npm run test:mutation -- --concurrency 2    two mutants at a time (the default is one)
 *   MUTATION_ISOLATE=1 npm run test:mutation -- sessions   each run isolated (vitest.mutation.config.ts)
 *
 * Not part of `npm test`: a full run takes a long while. Reports land in reports/mutation/.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

type Module = { mutate: string[]; tests: string[] };

// tests/unit/council-time.test.ts is left out: it switches the process time zone, which Stryker's
// test runner workers do not honour, so its initial run fails. The date rules it covers are pure
// and tested in the unit files listed.
export const MODULES: Record<string, Module> = {
  gate: {
    mutate: ["app/proposals/readiness.ts", "app/proposals/text-quality.ts"],
    tests: ["tests/unit/readiness.test.ts", "tests/unit/text-quality.test.ts"],
  },
  lifecycle: {
    mutate: ["app/proposals/lifecycle.ts"],
    tests: ["tests/unit/lifecycle.test.ts", "tests/unit/lifecycle-matrix.test.ts", "tests/unit/lifecycle-edges.test.ts"],
  },
  visibility: {
    mutate: ["app/proposals/visibility.ts"],
    tests: ["tests/unit/visibility.test.ts", "tests/unit/visibility-edges.test.ts"],
  },
  "union notices": {
    mutate: ["app/notifications/notice-rules.ts", "app/notifications/notices.server.ts"],
    tests: ["tests/unit/notifications-rules.test.ts", "tests/integration/union-notice.test.ts"],
  },
  outbox: {
    mutate: ["app/notifications/outbox.server.ts", "app/notifications/delivery.ts", "app/notifications/delivery.server.ts"],
    tests: ["tests/unit/notifications-rules.test.ts", "tests/integration/outbox.test.ts", "tests/integration/outbox-smtp.test.ts"],
  },
  // moderation-flow.test.ts (the journey through the pages) seeds the demo council, about 15 s for
  // every mutant it covers on this machine; moderation-rules.test.ts tests the same module rule by
  // rule on a small database of its own, in about a second a mutant.
  moderation: {
    mutate: ["app/responses/moderation.server.ts"],
    tests: ["tests/integration/moderation-rules.test.ts"],
  },
  // respondents-auth.test.ts (the residents' journey through the pages) seeds the demo council
  // too; respondent-sign-in.test.ts covers the same module rule by rule on its own small database.
  "sign-in": {
    mutate: ["app/auth/sign-in.server.ts", "app/responses/respondents.server.ts"],
    tests: ["tests/integration/auth.test.ts", "tests/integration/respondent-sign-in.test.ts"],
  },
  sessions: {
    mutate: ["app/auth/session.server.ts"],
    tests: ["tests/integration/auth.test.ts"],
  },
};

const args = process.argv.slice(2);
const concurrencyAt = args.indexOf("--concurrency");
const concurrency = concurrencyAt >= 0 ? args.splice(concurrencyAt, 2)[1] : "1";
const chosen = args.length ? args : Object.keys(MODULES);
for (const name of chosen) if (!MODULES[name]) throw new Error(`No module "${name}"; choose from: ${Object.keys(MODULES).join(", ")}`);

const scores: { name: string; score: number; killed: number; survived: number; noCoverage: number; timeout: number; total: number }[] = [];
for (const name of chosen) {
  const m = MODULES[name];
  const tests = m.tests.filter((f) => fs.existsSync(f));
  const report = path.join("reports", "mutation", `${name.replace(/\W+/g, "-")}.json`);
  console.log(`\n== ${name}: mutating ${m.mutate.join(", ")} against ${tests.join(", ")}`);
  const run = spawnSync("npx", ["stryker", "run", "--mutate", m.mutate.join(","), "--concurrency", concurrency], {
    stdio: "inherit",
    env: { ...process.env, MUTATION_TESTS: tests.join(","), MUTATION_REPORT: report },
  });
  if (run.status !== 0 || !fs.existsSync(report)) {
    console.error(`Stryker failed for ${name} (exit ${run.status})`);
    process.exitCode = 1;
    continue;
  }
  // The report follows the mutation-testing-report-schema: files → mutants, each with a status.
  const files = (JSON.parse(fs.readFileSync(report, "utf8")) as { files: Record<string, { mutants: { status: string }[] }> }).files;
  const count = (status: string) => Object.values(files).reduce((n, f) => n + f.mutants.filter((x) => x.status === status).length, 0);
  const [killed, timeout, survived, noCoverage] = ["Killed", "Timeout", "Survived", "NoCoverage"].map(count);
  const total = killed + timeout + survived + noCoverage;
  scores.push({ name, score: total ? (100 * (killed + timeout)) / total : 100, killed, survived, noCoverage, timeout, total });
}

console.log("\nMutation score by module (killed + timed out, over all valid mutants):");
for (const s of scores) {
  console.log(`  ${s.name.padEnd(16)} ${s.score.toFixed(1).padStart(5)}%   killed ${s.killed}, timed out ${s.timeout}, survived ${s.survived}, not covered ${s.noCoverage}, of ${s.total}`);
  if (s.score < 80) process.exitCode = 1;
}
