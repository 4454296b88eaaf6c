/**
 * `npm run worker`: the worker alone (opening and closing consultations, delivering email),
 * for a deployment that runs it apart from the web process (`npm start -- --no-worker`).
 * `--once` does one round and exits.
 */
import { closeDatabase, db, migrateDatabase } from "#db/client.server";
import { deliverOutboxOnce, runSchedulerOnce, startScheduler } from "../server/scheduler";

migrateDatabase(db());

if (process.argv.includes("--once")) {
  runSchedulerOnce();
  await deliverOutboxOnce();
  closeDatabase();
} else {
  startScheduler();
  console.log("Worker running: opening and closing consultations at their dates, and delivering email.");
  // The timers are unref'd so that the web process can exit; here they are all there is.
  setInterval(() => {}, 1 << 30);
}
