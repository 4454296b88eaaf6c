/**
 * The child side of race.ts: one process with its own database connection, like a second server
 * process. Loads the route, says "ready", waits for "go", then makes all its requests at once.
 */
import type { RaceJob } from "./race";

const send = (m: unknown) => process.send!(m);
const job = JSON.parse(process.argv[2]) as RaceJob;

try {
  const [route, { call }, { db }] = await Promise.all([import(job.route), import("../responses-fixtures"), import("#db/client.server")]);
  const fn = route[job.call ?? "action"];
  db().$client.prepare("SELECT 1").get(); // connect now, not during the race
  const go = new Promise<void>((resolve) => process.once("message", () => resolve()));
  send({ type: "ready" });
  await go;
  const result = await Promise.all(job.requests.map((r) => call(fn, r.url, { params: r.params, form: r.form, cookie: r.cookie, address: r.address })));
  send({ type: "result", result });
} catch (error) {
  send({ type: "error", message: (error as Error).stack ?? String(error) });
}
process.disconnect?.();
