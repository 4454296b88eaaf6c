/**
 * Mutation runs of pure modules only (MUTATION_PURE=1, vitest.mutation.config.ts), in place of
 * tests/setup.ts and tests/mutation-setup.ts: no database, no DOM matchers. The text checks keep
 * results by text (text-quality.ts) and the modules stay loaded from one mutant to the next: the
 * kept results are forgotten before each test file, so none worked out under one mutant is served
 * under the next. (Before each test would also let Stryker see every test that reaches a text
 * check, not only the first, but makes the gate's tests eight times slower.)
 */
import { forgetKeptResults } from "~/proposals/text-quality";

forgetKeptResults();
