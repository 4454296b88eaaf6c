/**
 * The directory admins keep: recognised unions and their reps, the council's services and
 * their staff groups (head count, and a distribution list or members' addresses). Every change
 * is audited. (The union notice settings are with the other settings: app/settings/.)
 */
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import { now } from "~/lib/clock";
import { parseMemberEmails, type repSchema, type serviceSchema, type staffGroupSchema, type unionSchema } from "./directory-forms";
import { sendPendingNoticesToRep } from "./notices.server";

function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "service"
  );
}

// ─── Unions and reps ───────────────────────────────────────────────────────────
export function listUnions(database: DB = defaultDb()) {
  return database
    .select({ id: t.unions.id, name: t.unions.name, shortName: t.unions.shortName, reps: sql<number>`(SELECT count(*) FROM union_reps r WHERE r.union_id = ${t.unions.id})` })
    .from(t.unions)
    .orderBy(asc(t.unions.name))
    .all();
}

export function getUnion(id: number, database: DB = defaultDb()) {
  const union = database.select().from(t.unions).where(eq(t.unions.id, id)).get();
  if (!union) return null;
  const reps = database
    .select({ userId: t.users.id, name: t.users.name, email: t.users.email, disabledAt: t.users.disabledAt })
    .from(t.unionReps)
    .innerJoin(t.users, eq(t.users.id, t.unionReps.userId))
    .where(eq(t.unionReps.unionId, id))
    .orderBy(asc(t.users.name))
    .all();
  return { ...union, reps };
}

export function addUnion(actorId: number, input: z.infer<typeof unionSchema>, database: DB = defaultDb()) {
  return writeTransaction((tx) => {
    const row = tx.insert(t.unions).values(input).returning({ id: t.unions.id }).get();
    appendAudit(tx, { actorId, action: "directory.union_added", entityType: "union", entityId: row.id, detail: input });
    return row.id;
  }, database);
}

/**
 * Add a rep to a union: an existing account by email, or a new account with no password (a
 * rep who has none signs in through their personal notice links). They are sent the notices
 * their union is already under.
 */
export function addRep(actorId: number, unionId: number, input: z.infer<typeof repSchema>, database: DB = defaultDb()): { ok: true; noticesSent: number } | { ok: false; message: string } {
  return writeTransaction((tx) => {
    let user = tx.select().from(t.users).where(sql`lower(${t.users.email}) = ${input.email}`).get();
    if (user?.disabledAt) return { ok: false as const, message: "That person's account is disabled" };
    if (!user) user = tx.insert(t.users).values({ email: input.email, name: input.name, createdAt: now().toISOString() }).returning().get();
    tx.insert(t.userRoles).values({ userId: user.id, role: "union_rep" }).onConflictDoNothing().run();
    const added = tx.insert(t.unionReps).values({ unionId, userId: user.id }).onConflictDoNothing().run();
    if (!added.changes) return { ok: false as const, message: `${user.name} is already a representative of this union` };
    appendAudit(tx, { actorId, action: "directory.rep_added", entityType: "union", entityId: unionId, detail: { userId: user.id } });
    return { ok: true as const, noticesSent: sendPendingNoticesToRep(tx, unionId, user.id, now()) };
  }, database);
}

export function removeRep(actorId: number, unionId: number, userId: number, database: DB = defaultDb()) {
  writeTransaction((tx) => {
    const removed = tx.delete(t.unionReps).where(and(eq(t.unionReps.unionId, unionId), eq(t.unionReps.userId, userId))).run();
    if (!removed.changes) return;
    // Someone who represents no union any more has no use for the role.
    const others = tx.select({ n: count() }).from(t.unionReps).where(eq(t.unionReps.userId, userId)).get()?.n ?? 0;
    if (!others) tx.delete(t.userRoles).where(and(eq(t.userRoles.userId, userId), eq(t.userRoles.role, "union_rep"))).run();
    appendAudit(tx, { actorId, action: "directory.rep_removed", entityType: "union", entityId: unionId, detail: { userId } });
  }, database);
}

// ─── Services and staff groups ─────────────────────────────────────────────────
export function listServices(database: DB = defaultDb()) {
  return database
    .select({
      id: t.services.id,
      name: t.services.name,
      workforcePosts: t.services.workforcePosts,
      groups: sql<number>`(SELECT count(*) FROM staff_groups g WHERE g.service_id = ${t.services.id})`,
    })
    .from(t.services)
    .orderBy(asc(t.services.name))
    .all();
}

export function getService(id: number, database: DB = defaultDb()) {
  const service = database.select().from(t.services).where(eq(t.services.id, id)).get();
  if (!service) return null;
  const groups = database
    .select({
      id: t.staffGroups.id,
      name: t.staffGroups.name,
      headCount: t.staffGroups.headCount,
      distributionEmail: t.staffGroups.distributionEmail,
      members: sql<number>`(SELECT count(*) FROM staff_group_members m WHERE m.staff_group_id = ${t.staffGroups.id})`,
    })
    .from(t.staffGroups)
    .where(eq(t.staffGroups.serviceId, id))
    .orderBy(asc(t.staffGroups.name))
    .all();
  return { ...service, groups };
}

export function addService(actorId: number, input: z.infer<typeof serviceSchema>, database: DB = defaultDb()) {
  return writeTransaction((tx) => {
    const base = slugify(input.name);
    let slug = base;
    for (let i = 2; tx.select({ id: t.services.id }).from(t.services).where(eq(t.services.slug, slug)).get(); i++) slug = `${base}-${i}`;
    const row = tx.insert(t.services).values({ name: input.name, slug, workforcePosts: input.workforcePosts, createdAt: now().toISOString() }).returning({ id: t.services.id }).get();
    appendAudit(tx, { actorId, action: "directory.service_added", entityType: "service", entityId: row.id, detail: { name: input.name } });
    return row.id;
  }, database);
}

export function getStaffGroup(id: number, database: DB = defaultDb()) {
  const group = database
    .select({ id: t.staffGroups.id, serviceId: t.staffGroups.serviceId, serviceName: t.services.name, name: t.staffGroups.name, headCount: t.staffGroups.headCount, distributionEmail: t.staffGroups.distributionEmail })
    .from(t.staffGroups)
    .innerJoin(t.services, eq(t.services.id, t.staffGroups.serviceId))
    .where(eq(t.staffGroups.id, id))
    .get();
  if (!group) return null;
  const members = database.select({ email: t.staffGroupMembers.email }).from(t.staffGroupMembers).where(eq(t.staffGroupMembers.staffGroupId, id)).orderBy(asc(t.staffGroupMembers.email)).all();
  return { ...group, members: members.map((m) => m.email) };
}

type StaffGroupInput = z.infer<typeof staffGroupSchema>;

function writeMembers(tx: DB, groupId: number, input: StaffGroupInput) {
  tx.delete(t.staffGroupMembers).where(eq(t.staffGroupMembers.staffGroupId, groupId)).run();
  if (input.distributionEmail) return;
  for (const email of parseMemberEmails(input.members).emails) tx.insert(t.staffGroupMembers).values({ staffGroupId: groupId, email }).run();
}

/** Create (id null) or update a staff group with its addresses. */
export function saveStaffGroup(actorId: number, serviceId: number, groupId: number | null, input: StaffGroupInput, database: DB = defaultDb()): number {
  return writeTransaction((tx) => {
    const values = { name: input.name, headCount: input.headCount, distributionEmail: input.distributionEmail || null };
    const id = groupId ?? tx.insert(t.staffGroups).values({ serviceId, ...values }).returning({ id: t.staffGroups.id }).get().id;
    if (groupId) tx.update(t.staffGroups).set(values).where(and(eq(t.staffGroups.id, groupId), eq(t.staffGroups.serviceId, serviceId))).run();
    writeMembers(tx, id, input);
    appendAudit(tx, { actorId, action: groupId ? "directory.staff_group_changed" : "directory.staff_group_added", entityType: "staff_group", entityId: id, detail: { name: input.name, headCount: input.headCount } });
    return id;
  }, database);
}
