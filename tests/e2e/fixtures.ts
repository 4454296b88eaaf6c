/**
 * The browser tests' `test` and `expect`. Import them from here, not from @playwright/test:
 *
 *   import { expect, test } from "./fixtures";
 *
 * Each spec file then gets a server and database of its own (a copy of the seeded demo
 * council), started before its first test and stopped after its last, so files pass alone and
 * in any order, and a file may move its server's clock or change its data without touching
 * any other file. Tests in one file share that server, in file order. `page`, `request`,
 * `browser.newContext()` and `baseURL` all point at it; `server.databasePath` is its database
 * (read it with better-sqlite3, read-only, e.g. to find the email a resident was sent).
 *
 * A test that needs a server nobody else has touched, or one started differently (say, with an
 * SMTP_URL), calls `startServer()` from ./server itself and stops it in a `finally`.
 */
import { test as base, expect } from "@playwright/test";
import { startServer, type TestServer } from "./server";

type ServerPool = { forFile(file: string): Promise<TestServer>; stop(): Promise<void> };

export const test = base.extend<{ server: TestServer }, { serverPool: ServerPool }>({
  // One server at a time per worker: the current file's. A worker runs a file's tests together,
  // so the first test of the next file stops the previous file's server and starts its own.
  serverPool: [
    async ({}, use) => {
      let current: { file: string; server: TestServer } | null = null;
      const stop = async () => {
        const running = current;
        current = null;
        delete process.env.PLAINSIGHT_E2E_DATABASE;
        await running?.server.stop();
      };
      await use({
        async forFile(file) {
          if (current?.file === file) return current.server;
          await stop();
          const server = await startServer();
          current = { file, server };
          // For helpers that read the database without being handed the server (responses-support.ts).
          process.env.PLAINSIGHT_E2E_DATABASE = server.databasePath;
          return server;
        },
        stop,
      });
      await stop();
    },
    { scope: "worker", timeout: 120_000 },
  ],
  server: async ({ serverPool }, use, testInfo) => {
    await use(await serverPool.forFile(testInfo.file));
  },
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});

export { expect };
export type { TestServer };
