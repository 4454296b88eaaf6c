// StrykerJS (mutation testing) with its Vitest runner. Run through `npm run test:mutation`
// (scripts/mutation.ts), which mutates one module at a time and passes its test files in
// MUTATION_TESTS; see docs/decisions/ for the scores and the surviving mutants judged equivalent.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  plugins: ["@stryker-mutator/vitest-runner"],
  // Each mutant runs only the tests that reached the mutated code.
  coverageAnalysis: "perTest",
  // The machine is shared: one mutant at a time unless asked (--concurrency 2).
  concurrency: 1,
  // Mutants in code that runs once at import (constants, tables) would need the whole file set
  // re-run for each; the rules under test live in functions.
  ignoreStatic: true,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: process.env.MUTATION_REPORT ?? "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  timeoutMS: 20000,
  timeoutFactor: 2,
  thresholds: { high: 90, low: 80, break: null },
};
