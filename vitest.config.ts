import os from "node:os";
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Kept apart from vite.config.ts: Vitest must not load the Remix Vite plugin.

// Pinned so that no test depends on the machine's time zone. The rules themselves never read
// it (they count days in the council's zone, app/lib/council-time.ts); tests/unit/council-time.test.ts
// runs them under UTC, America/Los_Angeles and Asia/Kolkata as well, on purpose.
process.env.TZ = "Europe/London";
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/component/**/*.test.tsx", "tests/integration/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/setup.ts"],
    // A folder for the demo council seeded once per date (tests/fixtures/seed-template.ts).
    globalSetup: ["tests/vitest-global-setup.ts"],
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine, which leaves
    // the second core mostly idle (the main process only transforms files). Two files at once
    // (each in its own process, with its own database) use both (decision record 012, "Speed").
    maxWorkers: Number(process.env.VITEST_WORKERS ?? Math.max(2, os.availableParallelism() - 1)),
    testTimeout: 20000,
    // Seeding the demo hashes every account's password (argon2): seconds on a busy machine.
    hookTimeout: 60000,
  },
});
