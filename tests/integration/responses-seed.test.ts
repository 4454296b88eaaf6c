/** The demo responses seed cleanly after the demo council, and obey the same rules as real ones. */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { now } from "~/lib/clock";
import { responseCounts } from "~/responses/answers.server";
import { ANONYMOUS_READER, loadThread, threadCounts } from "~/responses/comments.server";
import { moderationLog, moderationQueue } from "~/responses/moderation.server";
import { seedDemoResponses } from "~/responses/seed.server";
import { proposalBySlug, seeded } from "./responses-fixtures";

beforeAll(async () => {
  await seeded();
  seedDemoResponses(db(), now());
});

describe("seedDemoResponses", () => {
  it("gives CAMHS answers from every channel, threads with an official answer, a report waiting and a hidden comment in the log", () => {
    const camhs = proposalBySlug("camhs-social-work");
    expect(responseCounts(camhs.id)).toMatchObject({ online: 4, paper: 2, phone: 1, event: 1, total: 8 });
    const thread = loadThread(camhs.id, { type: "proposal", id: camhs.id }, { page: 1, order: "oldest" }, ANONYMOUS_READER(true, "Northmoor"));
    expect(thread.comments.length).toBe(3);
    const counts = threadCounts(camhs.id);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(7);
    expect(moderationQueue(1).items.map((i) => i.reports.length)).toEqual([1]);
    expect(moderationLog(1).entries).toHaveLength(1);
    const risk = loadThread(camhs.id, { type: "risk", id: Number(Object.keys(counts).find((k) => k.startsWith("risk:"))!.split(":")[1]) }, { page: 1, order: "oldest" }, ANONYMOUS_READER(true, "Northmoor"));
    expect(JSON.stringify(risk)).not.toContain("Demo comment hidden");
    expect(risk.comments[0].replies[0].official).toBe(true);
  });
});
