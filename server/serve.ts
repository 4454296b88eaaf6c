/**
 * Listening, slow-client time limits, and a graceful stop. On SIGTERM or SIGINT the server
 * stops accepting connections, lets requests in flight finish (up to a grace period), stops
 * the worker and hands back the emails it had claimed, closes the database and exits.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type express from "express";
import { TIMEOUTS } from "./limits";

export type Running = { server: http.Server; port: number; close(): Promise<void> };

export function listen(app: express.Express, port: number, host: string): Promise<Running> {
  const server = http.createServer(app);
  // "Expect: 100-continue" reaches the app, which sends 100 only for a body it will read
  // (server/request-guards.ts): Node would otherwise invite any body, however large.
  server.on("checkContinue", (req, res) => server.emit("request", req, res));
  // Slowloris: headers must arrive within headersMs, the whole request within requestMs.
  server.headersTimeout = TIMEOUTS.headersMs;
  server.requestTimeout = TIMEOUTS.requestMs;
  server.keepAliveTimeout = TIMEOUTS.keepAliveMs;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const close = () =>
        new Promise<void>((done) => {
          server.close(() => done());
          // Idle keep-alive connections would hold close() open; busy ones finish first.
          server.closeIdleConnections();
        });
      resolve({ server, port: (server.address() as AddressInfo).port, close });
    });
  });
}

/**
 * Run `stop` once on SIGTERM or SIGINT, then exit. A second signal, or a stop that outlasts
 * the grace period, exits at once (in-flight requests are then cut, as before this existed).
 */
export function onShutdownSignal(stop: () => Promise<void>, options: { graceMs?: number; log?: (line: string) => void } = {}) {
  const log = options.log ?? ((line: string) => console.log(line));
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: stopping now.`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: finishing requests in flight, then stopping.`);
    const timer = setTimeout(() => {
      log("Stopping took too long: exiting with requests still open.");
      process.exit(1);
    }, options.graceMs ?? 10_000);
    timer.unref();
    stop().then(
      () => {
        log("Stopped.");
        process.exit(0);
      },
      (error: unknown) => {
        log(`Stopping failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", handler);
  process.on("SIGINT", handler);
}
