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
 *   npm run test:mutation -- readiness --incremental   re-test only mutants whose code or tests changed
 *                                               since the last incremental run (reports/mutation/*.incremental.json)
 *   npm run test:mutation -- readiness --lines 1-250   only the mutants on these lines (a part of a
 *                                               large file, with a report and incremental file of its own)
 *
 * Not part of `npm test`: a full run takes a long while. Reports land in reports/mutation/.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * pure: the tests import no database, mail or browser code, so Vitest runs them without the setup
 * files (tests/setup.ts, tests/mutation-setup.ts, the seed-template folder) that every other run
 * pays for again for each mutant.
 */
type Module = { mutate: string[]; tests: string[]; pure?: boolean };

// The publication gate's unit tests: pure, a few seconds for the lot. Every one of them calls the
// whole gate, so a mutant that survives runs all of them: text-corpus.test.ts (337 texts, the
// filler rules' corpus, most of the time) is kept for text-quality.ts, whose rules it holds.
const GATE_TESTS = [
  "tests/unit/readiness.test.ts",
  "tests/unit/readiness-substance.test.ts",
  "tests/unit/title-lead-officer-gate.test.ts",
  "tests/unit/text-quality.test.ts",
  "tests/unit/translation.test.ts",
  "tests/unit/easy-read.test.ts",
];

// tests/unit/council-time.test.ts is left out: it switches the process time zone, which Stryker's
// test runner workers do not honour, so its initial run fails. The date rules it covers are pure
// and tested in the unit files listed.
export const MODULES: Record<string, Module> = {
  // The gate is two large files (about 3,000 mutants): measured one file at a time, "gate" is both.
  gate: { mutate: ["app/proposals/readiness.ts", "app/proposals/text-quality.ts"], tests: [...GATE_TESTS, "tests/unit/text-corpus.test.ts"], pure: true },
  readiness: { mutate: ["app/proposals/readiness.ts"], tests: GATE_TESTS, pure: true },
  "text-quality": { mutate: ["app/proposals/text-quality.ts"], tests: [...GATE_TESTS, "tests/unit/text-corpus.test.ts"], pure: true },
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
const incrementalAt = args.indexOf("--incremental");
const incremental = incrementalAt >= 0 && args.splice(incrementalAt, 1).length > 0;
const linesAt = args.indexOf("--lines");
const lines = linesAt >= 0 ? args.splice(linesAt, 2)[1] : "";
if (lines && !/^\d+-\d+$/.test(lines)) throw new Error(`--lines takes a range such as 1-250, not "${lines}"`);
const chosen = args.length ? args : Object.keys(MODULES);
for (const name of chosen) if (!MODULES[name]) throw new Error(`No module "${name}"; choose from: ${Object.keys(MODULES).join(", ")}`);

const scores: { name: string; score: number; killed: number; survived: number; noCoverage: number; timeout: number; total: number }[] = [];
for (const name of chosen) {
  const m = MODULES[name];
  const tests = m.tests.filter((f) => fs.existsSync(f));
  const mutate = m.mutate.map((f) => (lines ? `${f}:${lines}` : f));
  const report = path.join("reports", "mutation", `${name.replace(/\W+/g, "-")}${lines ? `-${lines}` : ""}.json`);
  console.log(`\n== ${name}: mutating ${mutate.join(", ")} against ${tests.join(", ")}`);
  const options = ["--mutate", mutate.join(","), "--concurrency", concurrency];
  if (incremental) options.push("--incremental", "--incrementalFile", report.replace(/\.json$/, ".incremental.json"));
  const run = spawnSync("npx", ["stryker", "run", ...options], {
    stdio: "inherit",
    env: {
      ...process.env,
      MUTATION_TESTS: tests.join(","),
      MUTATION_REPORT: report,
      ...(m.pure ? { MUTATION_PURE: "1" } : {}),
    },
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
