/**
 * Mutation runs only (vitest.mutation.config.ts): Stryker re-runs the same test files in one
 * worker for every mutant, and without isolation the modules stay loaded between runs, which is
 * what makes a run take seconds rather than tens of seconds. tests/setup.ts gives each run a new
 * database file; the parsed environment and the open connection are forgotten here so that the
 * run uses it, and nothing from the previous run's database is seen.
 */
import { closeDatabase } from "#db/client.server";
import { resetEnvForTests } from "~/lib/env.server";

closeDatabase();
resetEnvForTests();
