/**
 * The worker: opens and closes consultations at their dates, removes respondents' personal data
 * a set time after each decision, and delivers the outbox. Runs in the web process by default
 * (`npm start`) or alone (`npm run worker`).
 */
import { ROUND_LIMIT } from "~/notifications/delivery";
import { closeSharedTransport, deliverDue, releaseHeldClaims, stopClaiming } from "~/notifications/delivery.server";
import { removeExpiredPersonalData } from "~/outcomes/retention.server";
import { registerOutboxKick } from "~/notifications/outbox.server";
import { runScheduledTransitions } from "~/proposals/lifecycle.server";
import { db } from "#db/client.server";
import { runDailyAuditCheck } from "~/audit/audit.server";
import { sweepAttempts } from "~/auth/throttle.server";
import { now } from "~/lib/clock";
import { sweepSharedLimits } from "~/responses/rate-limit.server";
import { removeExpiredFormatContacts } from "~/reach/retention.server";

export function runSchedulerOnce() {
  const { opened, closed } = runScheduledTransitions();
  for (const slug of opened) console.log(`Opened consultation ${slug}`);
  for (const slug of closed) console.log(`Closed consultation ${slug}`);
  // Once a day: verify the audit chain, record the result for the admin page, log the head.
  runDailyAuditCheck(db(), now());
  // Rate-limit state in the database lives no longer than its longest window.
  sweepAttempts();
  sweepSharedLimits();
  const removed = removeExpiredFormatContacts();
  if (removed) console.log(`Removed the contact details of ${removed} requests for other formats (retention period)`);
  // Respondents' personal data a set time after each decision (settings.retention).
  const removedPersonal = removeExpiredPersonalData();
  for (const slug of removedPersonal.consultations) console.log(`Removed respondents' personal data for ${slug} (retention period after the decision)`);
}

let delivering: Promise<void> | null = null;
let again = false;

/** Deliver what is due. One run at a time in this process; a call during a run asks for another. */
export function deliverOutboxOnce(): Promise<void> {
  if (delivering) {
    again = true;
    return delivering;
  }
  delivering = (async () => {
    try {
      do {
        again = false;
        const report = await deliverDue();
        if (report.sent || report.failed) console.log(`Outbox: ${report.sent} sent, ${report.failed} failed, ${report.retrying} to retry`);
        // A full round may have left more behind.
        if (report.sent + report.failed >= ROUND_LIMIT) again = true;
      } while (again);
    } catch (error) {
      // Claims lapse and are retried; nothing is lost by a failed run.
      console.error("Outbox delivery failed:", (error as Error).message);
    } finally {
      delivering = null;
    }
  })();
  return delivering;
}

export type Scheduler = {
  /** Stop the timers, let a delivery in progress finish its message, and hand back any claim. */
  stop(): Promise<void>;
};

export function startScheduler(options: { transitionsEveryMs?: number; outboxEveryMs?: number } = {}): Scheduler {
  const tick = () => {
    try {
      runSchedulerOnce();
    } catch (error) {
      // A failed tick is retried on the next one; nothing is half-written (each is one transaction).
      console.error("Scheduler tick failed:", (error as Error).message);
    }
    void deliverOutboxOnce();
  };
  tick();
  const timers = [setInterval(tick, options.transitionsEveryMs ?? 60_000), setInterval(() => void deliverOutboxOnce(), options.outboxEveryMs ?? 5_000)];
  // Emails queued in this process are sent straight after their transaction commits.
  registerOutboxKick(() => void deliverOutboxOnce());
  for (const timer of timers) timer.unref();
  return {
    async stop() {
      registerOutboxKick(undefined);
      for (const timer of timers) clearInterval(timer);
      stopClaiming();
      await delivering;
      const released = releaseHeldClaims();
      if (released) console.log(`Outbox: ${released} claimed email${released === 1 ? "" : "s"} handed back for the next worker`);
      // The pooled SMTP connections are kept between rounds; they end with the worker.
      closeSharedTransport();
    },
  };
}
