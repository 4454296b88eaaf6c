import "@testing-library/jest-dom/vitest";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { afterAll } from "vitest";
import { configure } from "@testing-library/dom";

// findBy… and waitFor wait for a condition; on a machine busy with other work, allow it time.
configure({ asyncUtilTimeout: 5000 });

// Each test file gets its own database file, so integration tests never share state.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plainsight-test-"));
process.env.DATABASE_PATH = path.join(dir, "test.db");
process.env.UPLOADS_PATH = path.join(dir, "uploads");
process.env.NODE_ENV = "test";
// Vitest sets BASE_URL to "/" (Vite's base); the app means its public address.
process.env.BASE_URL = "http://localhost:3000";
// One cookie secret for the test and any server process it starts (tests/integration/race/),
// so a cookie made here is accepted there. Tests only: never a real deployment's secret.
process.env.SESSION_SECRET ??= "test-only-secret-0123456789abcdef0123456789abcdef";

// ...and leaves nothing behind: close the file's connection, then remove its folder.
afterAll(async () => {
  if (fs.existsSync(process.env.DATABASE_PATH!)) {
    const { closeDatabase } = await import("#db/client.server");
    closeDatabase();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
