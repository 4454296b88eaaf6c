/**
 * Browser tests only: move the server's clock forward and run the worker once (open what is
 * due, deliver the outbox). Answers 404 unless PLAINSIGHT_TEST_CONTROLS=1 and demo mode are
 * both on, which only the browser tests' servers set (tests/e2e/server.ts); never enable it otherwise.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { advanceClock, nowIso } from "~/lib/clock";
import { env } from "~/lib/env.server";
import { deliverDue } from "~/notifications/delivery.server";
import { runScheduledTransitions } from "~/proposals/lifecycle.server";
import { notFound } from "~/proposals/proposals.server";

const DAY_MS = 24 * 60 * 60 * 1000;

export function loader(): never {
  throw notFound();
}

export async function action({ request }: ActionFunctionArgs) {
  const e = env();
  if (!e.PLAINSIGHT_TEST_CONTROLS || !e.PLAINSIGHT_DEMO) throw notFound();
  const days = z.coerce.number().min(0).max(400).safeParse(new URL(request.url).searchParams.get("advanceDays") ?? 0);
  if (!days.success) return new Response("advanceDays must be a number of days from 0 to 400", { status: 400 });
  advanceClock(days.data * DAY_MS);
  const transitions = runScheduledTransitions();
  const delivered = await deliverDue();
  return Response.json({ now: nowIso(), ...transitions, delivered });
}
