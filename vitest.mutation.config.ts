/**
 * Vitest as StrykerJS runs it (scripts/mutation.ts): the normal configuration, limited to the
 * test files that exercise the module being mutated (MUTATION_TESTS, comma-separated), so each
 * mutant runs a few files rather than the whole suite. Not isolated: Stryker switches mutants at
 * run time, so the modules can stay loaded from one mutant to the next (tests/mutation-setup.ts
 * gives each run a fresh database all the same).
 */
import base from "./vitest.config";

const include = (process.env.MUTATION_TESTS ?? "").split(",").filter(Boolean);

// MUTATION_ISOLATE=1 isolates each run as `npm test` does: slower, but a mutant in a value built
// once and kept (the cookie objects in session.server.ts and respondents.server.ts) then takes
// effect; without it such a mutant can only survive.
const isolate = process.env.MUTATION_ISOLATE === "1";

export default {
  ...base,
  test: { ...base.test, include, isolate, setupFiles: [...(base.test?.setupFiles ?? []), "tests/mutation-setup.ts"] },
};
