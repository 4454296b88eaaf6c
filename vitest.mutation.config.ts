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

// MUTATION_PURE=1 (modules whose tests touch no database: the gate) runs without the setup files
// and the global setup, which would otherwise make a temporary folder, load the DOM matchers and
// the database client again for every mutant; tests/mutation-pure-setup.ts only empties the text
// checks' kept results before each test file.
const pure = process.env.MUTATION_PURE === "1";

export default {
  ...base,
  test: {
    ...base.test,
    include,
    isolate,
    ...(pure
      ? { setupFiles: ["tests/mutation-pure-setup.ts"], globalSetup: [] }
      : { setupFiles: [...(base.test?.setupFiles ?? []), "tests/mutation-setup.ts"] }),
  },
};
