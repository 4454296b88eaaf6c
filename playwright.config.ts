import { defineConfig } from "@playwright/test";
import os from "node:os";
import path from "node:path";

// PLAYWRIGHT_PORT lets two runs (say, CI and a developer) share a machine.
const PORT = Number(process.env.PLAYWRIGHT_PORT ?? 3210);
const dataDir = path.join(os.tmpdir(), `plainsight-e2e-${process.pid}`);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  // The built app in demo mode on a fresh database of its own: what a new user gets from `npm start`.
  webServer: {
    command: `npx tsx scripts/start.ts --demo`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_PATH: path.join(dataDir, "e2e.db"),
      UPLOADS_PATH: path.join(dataDir, "uploads"),
      PLAINSIGHT_DEMO: "1",
      NODE_ENV: "production",
      // Lets tests/e2e/union-notice.spec.ts move the server's clock (demo mode only; never set elsewhere).
      PLAINSIGHT_TEST_CONTROLS: "1",
    },
  },
});
