/**
 * Vitest as StrykerJS runs it (scripts/mutation.ts): the normal configuration, limited to the
 * test files that exercise the module being mutated (MUTATION_TESTS, comma-separated), so each
 * mutant runs a few files rather than the whole suite.
 */
import base from "./vitest.config";

const include = (process.env.MUTATION_TESTS ?? "").split(",").filter(Boolean);

export default { ...base, test: { ...base.test, include } };
