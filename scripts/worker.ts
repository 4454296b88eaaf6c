/**
 * `npm run worker`: the worker alone (opening and closing consultations, delivering email),
 * for a deployment that runs it apart from the web process (`npm start -- --no-worker`).
 * `--once` does one round and exits. SIGTERM stops it gracefully: the email being sent
 * finishes, and claims not yet sent are handed back.
 */
import { closeDatabase, openForServing, useDatabase } from "#db/client.server";
import { LISTENING_URL_VARIABLE, env, listeningUrl } from "~/lib/env.server";
import { onShutdownSignal } from "../server/serve";
import { closeSharedTransport } from "~/notifications/delivery.server";
import { deliverOutboxOnce, runSchedulerOnce, startScheduler } from "../server/scheduler";

// Links in the emails it queues: BASE_URL, or else the web process's address from the same PORT and HOST.
const { HOST, PORT } = env();
if (PORT !== 0) process.env[LISTENING_URL_VARIABLE] ??= listeningUrl(HOST, PORT);

try {
  useDatabase(openForServing(env().DATABASE_PATH));
} catch (error) {
  console.error(`Plainsight worker cannot start: ${(error as Error).message}`);
  process.exit(1);
}

if (process.argv.includes("--once")) {
  runSchedulerOnce();
  await deliverOutboxOnce();
  // The pooled SMTP connections would keep the process alive.
  closeSharedTransport();
  closeDatabase();
} else {
  const scheduler = startScheduler();
  console.log("Worker running: opening and closing consultations at their dates, and delivering email.");
  // The timers are unref'd so that the web process can exit; here they are all there is.
  const keepAlive = setInterval(() => {}, 1 << 30);
  onShutdownSignal(async () => {
    clearInterval(keepAlive);
    await scheduler.stop();
    closeDatabase();
  });
}
