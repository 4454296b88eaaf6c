/**
 * Staff accounts, as admins manage them: invite by email (a single-use link to set a password,
 * sent through the outbox), give roles, a service and unions, deactivate (every session ends at
 * once) and reactivate, send a new link. Each change is one IMMEDIATE transaction with its
 * audit entry and its email; each refused attempt is audited on its own, with nothing changed.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import type { SignedInViewer } from "~/auth/permissions";
import { ROLES, roleList, type Role } from "~/auth/roles";
import { endSessionsBefore, revokeUserSessions } from "~/auth/session.server";
import { passwordSignInAllowed } from "~/auth/sso-rules";
import { ssoProvider } from "~/auth/sso-config.server";
import { now } from "~/lib/clock";
import { baseUrl } from "~/lib/env.server";
import type { Settings } from "~/lib/settings";
import { loadSettings } from "~/lib/settings.server";
import { sendPendingNoticesToRep } from "~/notifications/notices.server";
import { queueEmail } from "~/notifications/outbox.server";
import { staffInvitationEmail, staffPasswordLinkEmail } from "~/notifications/templates";
import { hashToken, newToken } from "~/notifications/tokens.server";
import type { AccountInput, InviteInput } from "./forms";
import { accountStatus, adminChangeRefusal, type AccountStatus } from "./rules";

const DAY_MS = 24 * 60 * 60 * 1000;

export function invitationUrl(token: string) {
  return `${baseUrl()}/staff/invitation/${token}`;
}

export type Refusal = { ok: false; field?: string; message: string };

// ─── Reading ───────────────────────────────────────────────────────────────────

function rolesByUser(database: DB, userIds?: number[]): Map<number, Role[]> {
  const rows = database
    .select({ userId: t.userRoles.userId, role: t.userRoles.role })
    .from(t.userRoles)
    .where(userIds ? inArray(t.userRoles.userId, userIds) : undefined)
    .all();
  const map = new Map<number, Role[]>();
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.role]);
  // Always in the order of ROLES, so that lists and the audit read the same way.
  for (const [id, roles] of map) map.set(id, ROLES.filter((r) => roles.includes(r)));
  return map;
}

/** Each person's newest invitation, so that the list can say "Invited" or "Invitation expired". */
function latestInvitations(database: DB, userIds?: number[]) {
  const rows = database
    .select({ userId: t.staffInvitations.userId, expiresAt: t.staffInvitations.expiresAt, usedAt: t.staffInvitations.usedAt, revokedAt: t.staffInvitations.revokedAt, createdAt: t.staffInvitations.createdAt })
    .from(t.staffInvitations)
    .where(userIds ? inArray(t.staffInvitations.userId, userIds) : undefined)
    .orderBy(asc(t.staffInvitations.id))
    .all();
  return new Map(rows.map((r) => [r.userId, r]));
}

export type AccountRow = {
  id: number;
  name: string;
  email: string;
  roles: Role[];
  serviceName: string | null;
  status: AccountStatus;
  lastSignedInAt: string | null;
  isDemo: boolean;
};

/** Everyone with an account, by name: three queries whatever the number of people. */
export function listAccounts(database: DB = defaultDb()): AccountRow[] {
  const users = database
    .select({
      id: t.users.id,
      name: t.users.name,
      email: t.users.email,
      serviceName: t.services.name,
      disabledAt: t.users.disabledAt,
      hasPassword: sql<number>`${t.users.passwordHash} IS NOT NULL`,
      ssoSubject: t.users.ssoSubject,
      lastSignedInAt: t.users.lastSignedInAt,
      isDemo: t.users.isDemo,
    })
    .from(t.users)
    .leftJoin(t.services, eq(t.services.id, t.users.serviceId))
    .orderBy(sql`lower(${t.users.name})`, asc(t.users.id))
    .all();
  const roles = rolesByUser(database);
  const invitations = latestInvitations(database);
  const at = now();
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    roles: roles.get(u.id) ?? [],
    serviceName: u.serviceName,
    status: accountStatus({ disabledAt: u.disabledAt, hasPassword: Boolean(u.hasPassword), ssoLinked: Boolean(u.ssoSubject), lastSignedInAt: u.lastSignedInAt }, invitations.get(u.id) ?? null, at),
    lastSignedInAt: u.lastSignedInAt,
    isDemo: u.isDemo,
  }));
}

export function getAccount(id: number, database: DB = defaultDb()) {
  const user = database
    .select({
      id: t.users.id,
      name: t.users.name,
      email: t.users.email,
      serviceId: t.users.serviceId,
      serviceName: t.services.name,
      disabledAt: t.users.disabledAt,
      hasPassword: sql<number>`${t.users.passwordHash} IS NOT NULL`,
      ssoSubject: t.users.ssoSubject,
      lastSignedInAt: t.users.lastSignedInAt,
      createdAt: t.users.createdAt,
      isDemo: t.users.isDemo,
    })
    .from(t.users)
    .leftJoin(t.services, eq(t.services.id, t.users.serviceId))
    .where(eq(t.users.id, id))
    .get();
  if (!user) return null;
  const roles = rolesByUser(database, [id]).get(id) ?? [];
  const unions = database
    .select({ id: t.unions.id, name: t.unions.name })
    .from(t.unionReps)
    .innerJoin(t.unions, eq(t.unions.id, t.unionReps.unionId))
    .where(eq(t.unionReps.userId, id))
    .orderBy(asc(t.unions.name))
    .all();
  const invitation = latestInvitations(database, [id]).get(id) ?? null;
  return {
    ...user,
    hasPassword: Boolean(user.hasPassword),
    ssoLinked: Boolean(user.ssoSubject),
    roles,
    unions,
    invitation,
    status: accountStatus({ disabledAt: user.disabledAt, hasPassword: Boolean(user.hasPassword), ssoLinked: Boolean(user.ssoSubject), lastSignedInAt: user.lastSignedInAt }, invitation, now()),
  };
}

export type Account = NonNullable<ReturnType<typeof getAccount>>;

/** The audit trail of one account, newest first, with who did each thing. */
export function accountHistory(id: number, limit = 30, database: DB = defaultDb()) {
  return database
    .select({ id: t.auditLog.id, at: t.auditLog.at, action: t.auditLog.action, actorId: t.auditLog.actorId, actorName: t.users.name, detail: t.auditLog.detail })
    .from(t.auditLog)
    .leftJoin(t.users, eq(t.users.id, t.auditLog.actorId))
    .where(and(eq(t.auditLog.entityType, "user"), eq(t.auditLog.entityId, id)))
    .orderBy(desc(t.auditLog.id))
    .limit(limit)
    .all();
}

/** What the invite and change forms offer. */
export function assignmentOptions(database: DB = defaultDb()) {
  return {
    services: database.select({ id: t.services.id, name: t.services.name }).from(t.services).orderBy(asc(t.services.name)).all(),
    unions: database.select({ id: t.unions.id, name: t.unions.name }).from(t.unions).orderBy(asc(t.unions.name)).all(),
  };
}

// ─── Writing ───────────────────────────────────────────────────────────────────

/** A refused attempt, on its own in the audit log: who tried what, and why it was refused. */
export function auditRefusal(actorId: number | null, action: string, entityId: number | null, detail: Record<string, unknown>, database: DB = defaultDb()) {
  writeTransaction((tx) => appendAudit(tx, { actorId, action, entityType: "user", entityId, detail }), database);
}

function findByEmail(tx: DB, email: string) {
  return tx.select({ id: t.users.id, name: t.users.name }).from(t.users).where(sql`lower(${t.users.email}) = ${email.toLowerCase()}`).get();
}

function activeAdminCount(tx: DB): number {
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(t.userRoles)
      .innerJoin(t.users, eq(t.users.id, t.userRoles.userId))
      .where(and(eq(t.userRoles.role, "admin"), isNull(t.users.disabledAt)))
      .get()?.n ?? 0
  );
}

function knownIds(tx: DB, table: typeof t.services | typeof t.unions, ids: number[]): boolean {
  if (!ids.length) return true;
  const found = tx.select({ id: table.id }).from(table).where(inArray(table.id, ids)).all();
  return found.length === new Set(ids).size;
}

/** Unknown service or union ids (a stale form, or a crafted one) are refused like a wrong role. */
function assignmentRefusal(tx: DB, input: { serviceId: number | null; unionIds: number[] }): Refusal | null {
  if (input.serviceId != null && !knownIds(tx, t.services, [input.serviceId])) return { ok: false, field: "serviceId", message: "Select a service from the list" };
  if (!knownIds(tx, t.unions, input.unionIds)) return { ok: false, field: "unionIds", message: "Select unions from the list" };
  return null;
}

/** A fresh single-use link for this person; any link they still held stops working. */
function issueInvitation(tx: DB, userId: number, invitedById: number, settings: Settings, at: Date) {
  tx.update(t.staffInvitations)
    .set({ revokedAt: at.toISOString() })
    .where(and(eq(t.staffInvitations.userId, userId), isNull(t.staffInvitations.usedAt), isNull(t.staffInvitations.revokedAt)))
    .run();
  const token = newToken();
  const expiresAt = new Date(at.getTime() + settings.signIn.invitationDays * DAY_MS).toISOString();
  const row = tx
    .insert(t.staffInvitations)
    .values({ userId, tokenHash: hashToken(token), invitedById, expiresAt, createdAt: at.toISOString() })
    .returning({ id: t.staffInvitations.id })
    .get();
  return { id: row.id, token, expiresAt };
}

function writeAssignment(tx: DB, userId: number, input: { roles: Role[]; unionIds: number[] }, at: Date) {
  tx.delete(t.userRoles).where(eq(t.userRoles.userId, userId)).run();
  if (input.roles.length) tx.insert(t.userRoles).values(input.roles.map((role) => ({ userId, role }))).run();
  const before = tx.select({ unionId: t.unionReps.unionId }).from(t.unionReps).where(eq(t.unionReps.userId, userId)).all().map((r) => r.unionId);
  const removed = before.filter((id) => !input.unionIds.includes(id));
  const added = input.unionIds.filter((id) => !before.includes(id));
  if (removed.length) tx.delete(t.unionReps).where(and(eq(t.unionReps.userId, userId), inArray(t.unionReps.unionId, removed))).run();
  // A new rep of a union hears of the notices it is already under, as from the unions page.
  for (const unionId of added) {
    tx.insert(t.unionReps).values({ unionId, userId }).run();
    sendPendingNoticesToRep(tx, unionId, userId, at);
  }
}

/** Invite a member of staff. Refused, with nothing changed, for an address already registered. */
export function inviteStaff(actor: SignedInViewer, input: InviteInput, database: DB = defaultDb()): { ok: true; userId: number } | Refusal {
  const at = now();
  const settings = loadSettings(database);
  const sso = ssoProvider();
  const result = writeTransaction((tx): { ok: true; userId: number } | Refusal => {
    const existing = findByEmail(tx, input.email);
    if (existing) return { ok: false, field: "email", message: `${input.email} already has an account (${existing.name}). Change their roles on their page instead` };
    const refusal = assignmentRefusal(tx, input);
    if (refusal) return refusal;
    const user = tx
      .insert(t.users)
      .values({ email: input.email, name: input.name, serviceId: input.serviceId, createdAt: at.toISOString() })
      .returning({ id: t.users.id })
      .get();
    writeAssignment(tx, user.id, input, at);
    // Where staff sign in only through the council's identity provider, there is no password
    // to set: the email says where to sign in.
    const withLink = passwordSignInAllowed(input.roles, settings, Boolean(sso));
    const invitation = withLink ? issueInvitation(tx, user.id, actor.id, settings, at) : null;
    const email = staffInvitationEmail({
      council: settings.council.name,
      serviceName: settings.council.serviceName,
      name: input.name,
      invitedBy: actor.name,
      roles: roleList(input.roles),
      link: invitation ? invitationUrl(invitation.token) : null,
      linkExpiresAt: invitation?.expiresAt ?? null,
      signInUrl: `${baseUrl()}/staff/sign-in`,
      ssoLabel: sso?.label ?? null,
    });
    queueEmail(tx, { idempotencyKey: invitation ? `staff-invitation:${invitation.id}` : `staff-invitation:user:${user.id}`, event: "staff_invitation", to: input.email, ...email });
    appendAudit(tx, {
      actorId: actor.id,
      action: "user.invited",
      entityType: "user",
      entityId: user.id,
      detail: { email: input.email, roles: input.roles, serviceId: input.serviceId, unionIds: input.unionIds, passwordLink: Boolean(invitation) },
    });
    return { ok: true, userId: user.id };
  }, database);
  if (!result.ok) auditRefusal(actor.id, "user.invite_refused", null, { email: input.email, roles: input.roles, reason: result.message }, database);
  return result;
}

/** Change a person's name, roles, service and unions. */
export function changeAccount(actor: SignedInViewer, userId: number, input: AccountInput, database: DB = defaultDb()): { ok: true; changed: boolean } | Refusal {
  const at = now();
  const result = writeTransaction((tx): { ok: true; changed: boolean } | Refusal => {
    const before = getAccount(userId, tx);
    if (!before) return { ok: false, message: "That account does not exist" };
    const refusal =
      assignmentRefusal(tx, input) ??
      adminRefusal(adminChangeRefusal({ kind: "roles", actorId: actor.id, userId, before: before.roles, after: input.roles }, activeAdminCount(tx), before.name), "roles");
    if (refusal) return refusal;
    const serviceId = input.serviceId;
    const unionsBefore = before.unions.map((u) => u.id);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (before.name !== input.name) changes.name = { from: before.name, to: input.name };
    if (!sameSet(before.roles, input.roles)) changes.roles = { from: before.roles, to: input.roles };
    if (before.serviceId !== serviceId) changes.serviceId = { from: before.serviceId, to: serviceId };
    if (!sameSet(unionsBefore, input.unionIds)) changes.unionIds = { from: unionsBefore, to: input.unionIds };
    if (!Object.keys(changes).length) return { ok: true, changed: false };
    tx.update(t.users).set({ name: input.name, serviceId }).where(eq(t.users.id, userId)).run();
    writeAssignment(tx, userId, input, at);
    appendAudit(tx, { actorId: actor.id, action: "user.changed", entityType: "user", entityId: userId, detail: changes });
    return { ok: true, changed: true };
  }, database);
  if (!result.ok) auditRefusal(actor.id, "user.change_refused", userId, { roles: input.roles, serviceId: input.serviceId, unionIds: input.unionIds, reason: result.message }, database);
  return result;
}

function adminRefusal(message: string | null, field: string): Refusal | null {
  return message ? { ok: false, field, message } : null;
}

function sameSet<T>(a: readonly T[], b: readonly T[]) {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Deactivate: they cannot sign in, every session ends now, and any invitation stops working. */
export function deactivateAccount(actor: SignedInViewer, userId: number, database: DB = defaultDb()): { ok: true; sessionsEnded: number } | Refusal {
  const at = now().toISOString();
  const result = writeTransaction((tx): { ok: true; sessionsEnded: number } | Refusal => {
    const account = getAccount(userId, tx);
    if (!account) return { ok: false, message: "That account does not exist" };
    if (account.disabledAt) return { ok: true, sessionsEnded: 0 };
    const refusal = adminRefusal(adminChangeRefusal({ kind: "deactivate", actorId: actor.id, userId, roles: account.roles }, activeAdminCount(tx), account.name), "deactivate");
    if (refusal) return refusal;
    tx.update(t.users).set({ disabledAt: at }).where(eq(t.users.id, userId)).run();
    const sessionsEnded = revokeUserSessions(userId, tx);
    tx.update(t.staffInvitations)
      .set({ revokedAt: at })
      .where(and(eq(t.staffInvitations.userId, userId), isNull(t.staffInvitations.usedAt), isNull(t.staffInvitations.revokedAt)))
      .run();
    appendAudit(tx, { actorId: actor.id, action: "user.deactivated", entityType: "user", entityId: userId, detail: { sessionsEnded } });
    return { ok: true, sessionsEnded };
  }, database);
  if (!result.ok) auditRefusal(actor.id, "user.deactivate_refused", userId, { reason: result.message }, database);
  return result;
}

/**
 * An admin asks for every session someone has to end (a lost laptop, a shared computer): each
 * device they are signed in on is signed out at its next request, and they can sign in again.
 * Not for the admin's own account: this page would sign them out too.
 */
export function signOutEverywhere(actor: SignedInViewer, userId: number, database: DB = defaultDb()): { ok: true; sessionsEnded: number } | Refusal {
  const result = writeTransaction((tx): { ok: true; sessionsEnded: number } | Refusal => {
    const account = getAccount(userId, tx);
    if (!account) return { ok: false, message: "That account does not exist" };
    if (userId === actor.id) return { ok: false, message: "You cannot sign yourself out everywhere from here: sign out, or ask another admin" };
    const sessionsEnded = endSessionsBefore(userId, tx);
    appendAudit(tx, { actorId: actor.id, action: "user.signed_out_everywhere", entityType: "user", entityId: userId, detail: { sessionsEnded } });
    return { ok: true, sessionsEnded };
  }, database);
  if (!result.ok) auditRefusal(actor.id, "user.sign_out_everywhere_refused", userId, { reason: result.message }, database);
  return result;
}

export function reactivateAccount(actor: SignedInViewer, userId: number, database: DB = defaultDb()): boolean {
  return writeTransaction((tx) => {
    const changed = tx.update(t.users).set({ disabledAt: null }).where(and(eq(t.users.id, userId), sql`${t.users.disabledAt} IS NOT NULL`)).run().changes;
    if (changed) appendAudit(tx, { actorId: actor.id, action: "user.reactivated", entityType: "user", entityId: userId });
    return changed > 0;
  }, database);
}

/**
 * Send a new single-use link: an invitation again for someone who never set a password, or a
 * link to set a new one for someone who has lost theirs. Refused for a deactivated account and
 * for staff who may only sign in through single sign-on.
 */
export function sendPasswordLink(actor: SignedInViewer, userId: number, database: DB = defaultDb()): { ok: true } | Refusal {
  const at = now();
  const settings = loadSettings(database);
  const sso = ssoProvider();
  const result = writeTransaction((tx): { ok: true } | Refusal => {
    const account = getAccount(userId, tx);
    if (!account) return { ok: false, message: "That account does not exist" };
    if (account.disabledAt) return { ok: false, message: `${account.name}'s account is deactivated. Reactivate it first` };
    if (!passwordSignInAllowed(account.roles, settings, Boolean(sso))) return { ok: false, message: `Staff sign in with ${sso?.label ?? "single sign-on"}, so ${account.name} has no password to set` };
    const invitation = issueInvitation(tx, userId, actor.id, settings, at);
    const link = invitationUrl(invitation.token);
    const email = account.hasPassword
      ? staffPasswordLinkEmail({ council: settings.council.name, serviceName: settings.council.serviceName, name: account.name, link, linkExpiresAt: invitation.expiresAt })
      : staffInvitationEmail({
          council: settings.council.name,
          serviceName: settings.council.serviceName,
          name: account.name,
          invitedBy: actor.name,
          roles: roleList(account.roles),
          link,
          linkExpiresAt: invitation.expiresAt,
          signInUrl: `${baseUrl()}/staff/sign-in`,
          ssoLabel: sso?.label ?? null,
        });
    queueEmail(tx, { idempotencyKey: `staff-invitation:${invitation.id}`, event: account.hasPassword ? "staff_password_link" : "staff_invitation", to: account.email, ...email });
    appendAudit(tx, { actorId: actor.id, action: account.hasPassword ? "user.password_link_sent" : "user.invitation_sent", entityType: "user", entityId: userId, detail: { expiresAt: invitation.expiresAt } });
    return { ok: true };
  }, database);
  if (!result.ok) auditRefusal(actor.id, "user.password_link_refused", userId, { reason: result.message }, database);
  return result;
}
