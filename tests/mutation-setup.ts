/**
 * Mutation runs only (vitest.mutation.config.ts): Stryker re-runs the
 * same test files in one worker for every mutant, and without isolation the modules stay loaded
 * between runs, which is what makes a run take seconds rather than tens of seconds. tests/setup.ts
 * gives each run a new database file; the parsed environment and the open connection are
 * forgotten here so that the run uses it, and nothing from the previous run's database is seen.
 *
 * Passwords are hashed with SHA-256 instead of argon2 here: argon2 is deliberately slow, it is not
 * a module under mutation, and the tests only need the same password to match and another not to.
 */
import { createHash } from "node:crypto";
import { vi } from "vitest";
import { closeDatabase } from "#db/client.server";
import { resetEnvForTests } from "~/lib/env.server";

vi.mock("~/auth/password.server", () => {
  const fast = (password: string) => `sha256$${createHash("sha256").update(password).digest("hex")}`;
  return {
    hashPassword: async (password: string) => fast(password),
    verifyPassword: async (passwordHash: string | null, password: string) => passwordHash === fast(password),
  };
});

closeDatabase();
resetEnvForTests();
