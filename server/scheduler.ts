/**
 * Opens and closes consultations at their dates, by itself. Runs in the web process by
 * default (`npm start`) or alone (`npm run worker`).
 */
import { runScheduledTransitions } from "~/proposals/lifecycle.server";

export function runSchedulerOnce() {
  const { opened, closed } = runScheduledTransitions();
  for (const slug of opened) console.log(`Opened consultation ${slug}`);
  for (const slug of closed) console.log(`Closed consultation ${slug}`);
}

export function startScheduler(intervalMs = 60_000): () => void {
  const tick = () => {
    try {
      runSchedulerOnce();
    } catch (error) {
      // A failed tick is retried on the next one; nothing is half-written (each is one transaction).
      console.error("Scheduler tick failed:", (error as Error).message);
    }
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
