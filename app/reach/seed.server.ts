/**
 * The demo council's paper packs, requests for other formats and equality monitoring counts, from
 * content/reach.yaml (demo mode only). Call after seedDemo(), on the database it seeded:
 * `seedDemoReach(db, now)`. One transaction; a consultation that is missing is an error in the
 * file, named with its field.
 */
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { parse } from "yaml";
import { z } from "zod";
import * as t from "#db/schema";
import { writeTransaction, type DB } from "#db/client.server";
import { loadSettings } from "~/lib/settings.server";
import { bankHolidays } from "~/proposals/lifecycle.server";
import { councilDate } from "~/lib/council-time";
import { FORMAT_KINDS, FORMAT_REQUEST_CHANNELS, FORMAT_REQUEST_STATUSES, formatDueOn, formatReference } from "./formats";
import { MONITORING_QUESTIONS } from "./monitoring-questions";

const days = z.number().int().min(0);
const text = z.string().trim().min(1);

const requestSchema = z
  .object({
    format: z.enum(FORMAT_KINDS),
    language: text.optional(),
    channel: z.enum(FORMAT_REQUEST_CHANNELS),
    name: text,
    email: z.email().optional(),
    phone: text.optional(),
    postalAddress: text.optional(),
    details: text.optional(),
    daysAgo: days,
    status: z.enum(FORMAT_REQUEST_STATUSES),
    sentDaysAgo: days.optional(),
  })
  .strict()
  .refine((r) => (r.status === "sent") === (r.sentDaysAgo != null), { message: "a sent request needs sentDaysAgo, and only a sent one", path: ["sentDaysAgo"] })
  .refine((r) => r.sentDaysAgo == null || r.sentDaysAgo <= r.daysAgo, { message: "it cannot be sent before it was asked for", path: ["sentDaysAgo"] })
  .refine((r) => r.format !== "translation" || r.language, { message: "a translation names its language", path: ["language"] });

export const reachFileSchema = z
  .object({
    consultations: z.record(
      z.string(),
      z
        .object({
          paperPacks: z.array(z.object({ place: text, copies: z.number().int().min(1), daysAgo: days }).strict()).default([]),
          formatRequests: z.array(requestSchema).default([]),
          monitoring: z.object({ forms: z.number().int().min(0), counts: z.record(z.string(), z.record(z.string(), z.number().int().min(0))) }).strict().optional(),
        })
        .strict(),
    ),
  })
  .strict();

export type ReachFile = z.infer<typeof reachFileSchema>;

/** Read and check content/reach.yaml against the monitoring questions and the council's places. */
export function loadReachContent(placeKeys: readonly string[], file = path.join("content", "reach.yaml")): ReachFile {
  const parsed = reachFileSchema.safeParse(parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}:\n${parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  const problems: string[] = [];
  for (const [slug, c] of Object.entries(parsed.data.consultations)) {
    c.paperPacks.forEach((p, i) => {
      if (!placeKeys.includes(p.place)) problems.push(`consultations.${slug}.paperPacks[${i}].place: no place "${p.place}" in council.yaml (paperPacks.places)`);
    });
    for (const [question, answers] of Object.entries(c.monitoring?.counts ?? {})) {
      const q = MONITORING_QUESTIONS.find((x) => x.key === question);
      if (!q) {
        problems.push(`consultations.${slug}.monitoring.counts.${question}: not a monitoring question`);
        continue;
      }
      for (const answer of Object.keys(answers)) if (!q.answers.some((a) => a.key === answer)) problems.push(`consultations.${slug}.monitoring.counts.${question}.${answer}: not an answer to ${question}`);
      const total = Object.values(answers).reduce((s, n) => s + n, 0);
      if (total > (c.monitoring?.forms ?? 0)) problems.push(`consultations.${slug}.monitoring.counts.${question}: ${total} answers from ${c.monitoring?.forms} forms`);
    }
  }
  if (problems.length) throw new Error(`${file}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return parsed.data;
}

const DAY_MS = 86_400_000;

export function seedDemoReach(database: DB, now: Date, file?: string) {
  const settings = loadSettings(database);
  const content = loadReachContent(settings.paperPacks.places.map((p) => p.key), file);
  const holidays = bankHolidays();
  const officer = database.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, "officer@northmoor.example")).get();
  // Deterministic references, so the demo reads the same each time it is seeded.
  let seed = 14;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  writeTransaction((tx) => {
    for (const [slug, c] of Object.entries(content.consultations)) {
      const proposal = tx.select({ id: t.proposals.id }).from(t.proposals).where(eq(t.proposals.slug, slug)).get();
      if (!proposal) throw new Error(`content/reach.yaml: no consultation "${slug}"`);
      for (const p of c.paperPacks) {
        const place = settings.paperPacks.places.find((x) => x.key === p.place)!;
        tx.insert(t.paperPackDeliveries)
          .values({ proposalId: proposal.id, placeKey: place.key, placeName: place.name, placeKind: place.kind, placeAddress: place.address, copies: p.copies, deliveredOn: councilDate(new Date(now.getTime() - p.daysAgo * DAY_MS), settings.council.timeZone), recordedById: officer?.id ?? null })
          .run();
      }
      for (const r of c.formatRequests) {
        const asked = new Date(now.getTime() - r.daysAgo * DAY_MS);
        const updated = r.sentDaysAgo != null ? new Date(now.getTime() - r.sentDaysAgo * DAY_MS) : asked;
        tx.insert(t.formatRequests)
          .values({
            proposalId: proposal.id,
            reference: formatReference(random),
            format: r.format,
            language: r.language ?? null,
            channel: r.channel,
            name: r.name,
            email: r.email ?? null,
            phone: r.phone ?? null,
            postalAddress: r.postalAddress ?? null,
            details: r.details ?? null,
            status: r.status,
            dueOn: formatDueOn(councilDate(asked, settings.council.timeZone), settings.alternativeFormats.dueWorkingDays, holidays),
            sentOn: r.sentDaysAgo != null ? councilDate(updated, settings.council.timeZone) : null,
            enteredById: r.channel === "online" ? null : (officer?.id ?? null),
            createdAt: asked.toISOString(),
            updatedAt: updated.toISOString(),
          })
          .run();
      }
      if (c.monitoring) {
        for (const [question, answers] of Object.entries(c.monitoring.counts)) {
          for (const [answer, count] of Object.entries(answers)) if (count > 0) tx.insert(t.monitoringTallies).values({ proposalId: proposal.id, question, answer, count }).run();
        }
        tx.insert(t.monitoringForms).values({ proposalId: proposal.id, forms: c.monitoring.forms, releasedForms: c.monitoring.forms, released: c.monitoring.counts }).run();
      }
    }
  }, database);
}
