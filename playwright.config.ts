import { defineConfig } from "@playwright/test";

/**
 * Browser tests against the built app. Each spec file gets its own server on a free port and its
 * own copy of a database seeded once per run (tests/e2e/fixtures.ts, server.ts, global-setup.ts),
 * so no port needs to be configured and files pass alone and in any order.
 * Three files run at once by default (PLAYWRIGHT_WORKERS changes it): a file spends much of its
 * time waiting on its server, the outbox and the browser, so fewer left part of a 2-core machine
 * idle (decision record 012, "Speed").
 */
export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: false,
  // Three: with two, a quiet 2-core machine was still about a quarter idle (each file waits on its
  // server, the outbox and the browser in turn); measured in decision record 012, "Speed".
  workers: Number(process.env.PLAYWRIGHT_WORKERS ?? 3),
  retries: 0,
  // Two files share two cores, so a step can take twice as long as it does alone: room for that,
  // and the long journeys set their own limits. A wrong page still fails, just later.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    trace: "off",
    // The council's time zone, whatever the machine's: what residents' browsers show.
    timezoneId: "Europe/London",
    locale: "en-GB",
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
});
