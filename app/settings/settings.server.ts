/**
 * Saving the council's settings from the admin pages. Each save is one IMMEDIATE transaction:
 * the stored value, checked whole against the settings schema, and an audit entry saying what
 * changed from what to what. A refused save is audited on its own, with nothing changed.
 */
import { count, inArray } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import { mergeSettings, type Settings } from "~/lib/settings";
import { keyFor, labelRefusal, type ListDef } from "./lists";
import { leafPaths, type SectionDef } from "./sections";

function stored(tx: DB): Record<string, unknown> {
  return Object.fromEntries(tx.select().from(t.settings).all().map((r) => [r.key, r.value]));
}

function get(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), value);
}

/** Plain objects merged key by key; anything else (numbers, lists) replaced. */
function deepMerge(base: unknown, over: unknown): unknown {
  if (base && over && typeof base === "object" && typeof over === "object" && !Array.isArray(base) && !Array.isArray(over)) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [k, v] of Object.entries(over)) out[k] = deepMerge(out[k], v);
    return out;
  }
  return over;
}

function changesBetween(before: unknown, after: unknown): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const path of new Set([...leafPaths(before), ...leafPaths(after)])) {
    const from = path ? get(before, path) : before;
    const to = path ? get(after, path) : after;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[path || "value"] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}

/** Write one top-level setting, check the whole, and audit the difference. False if nothing changed. */
function writeSetting(tx: DB, actorId: number, key: keyof Settings, value: unknown, detail: Record<string, unknown> = {}): boolean {
  const current = stored(tx);
  const before = mergeSettings(current)[key];
  // Leaves this form does not know (a setting added later) keep their stored values.
  const next = deepMerge(before, value);
  const after = mergeSettings({ ...current, [key]: next })[key];
  const changes = changesBetween(before, after);
  if (!Object.keys(changes).length) return false;
  tx.insert(t.settings).values({ key, value: after }).onConflictDoUpdate({ target: t.settings.key, set: { value: after } }).run();
  appendAudit(tx, { actorId, action: "settings.changed", entityType: "settings", entityId: null, detail: { section: key, changes, ...detail } });
  return true;
}

export function saveSection(actorId: number, section: SectionDef, value: Record<string, unknown>, database: DB = defaultDb()): boolean {
  return writeTransaction((tx) => writeSetting(tx, actorId, section.key, value), database);
}

export function auditSettingsRefusal(actorId: number, section: string, reason: string, database: DB = defaultDb()) {
  writeTransaction((tx) => appendAudit(tx, { actorId, action: "settings.change_refused", entityType: "settings", entityId: null, detail: { section, reason: reason.slice(0, 500) } }), database);
}

// ─── Lists: local equality characteristics, grounds for withholding ────────────

/** How many equality rows or withheld parts use each key. */
export function usage(list: ListDef, keys: string[], database: DB = defaultDb()): Map<string, number> {
  if (!keys.length) return new Map();
  const rows =
    list.key === "localCharacteristics"
      ? database.select({ key: t.equalityRows.characteristic, n: count() }).from(t.equalityRows).where(inArray(t.equalityRows.characteristic, keys)).groupBy(t.equalityRows.characteristic).all()
      : list.key === "establishments"
        ? database.select({ key: t.proposals.establishment, n: count() }).from(t.proposals).where(inArray(t.proposals.establishment, keys)).groupBy(t.proposals.establishment).all()
        : database.select({ key: t.withheldParts.ground, n: count() }).from(t.withheldParts).where(inArray(t.withheldParts.ground, keys)).groupBy(t.withheldParts.ground).all();
  return new Map(rows.map((r) => [r.key ?? "", r.n]));
}

type ListResult = { ok: true; key: string } | { ok: false; message: string };

function items(tx: DB, list: ListDef) {
  return mergeSettings(stored(tx))[list.key];
}

export function addListItem(actorId: number, list: ListDef, label: string, database: DB = defaultDb()): ListResult {
  return writeTransaction((tx): ListResult => {
    const current = items(tx, list);
    const refusal = labelRefusal(list, current, label);
    if (refusal) return { ok: false, message: refusal };
    if (current.length >= 100) return { ok: false, message: `There can be at most 100 ${list.item}s` };
    const key = keyFor(label, [...current.map((i) => i.key), "age", "disability", "race", "sex"]);
    writeSetting(tx, actorId, list.key, [...current, { key, label }], { added: key });
    return { ok: true, key };
  }, database);
}

export function renameListItem(actorId: number, list: ListDef, key: string, label: string, database: DB = defaultDb()): ListResult {
  return writeTransaction((tx): ListResult => {
    const current = items(tx, list);
    if (!current.some((i) => i.key === key)) return { ok: false, message: `That ${list.item} no longer exists` };
    const refusal = labelRefusal(list, current, label, key);
    if (refusal) return { ok: false, message: refusal };
    writeSetting(tx, actorId, list.key, current.map((i) => (i.key === key ? { key, label } : i)), { renamed: key });
    return { ok: true, key };
  }, database);
}

/** Remove an item no proposal uses; one in use can be renamed, never removed. */
export function removeListItem(actorId: number, list: ListDef, key: string, database: DB = defaultDb()): ListResult {
  return writeTransaction((tx): ListResult => {
    const current = items(tx, list);
    const item = current.find((i) => i.key === key);
    if (!item) return { ok: false, message: `That ${list.item} no longer exists` };
    const used = usage(list, [key], tx).get(key) ?? 0;
    if (used) return { ok: false, message: `${item.label} is used in ${used} ${list.usedBy}, so it cannot be removed. You can rename it` };
    // s.188 counts at an establishment: a council always has at least one (settings.ts).
    if (list.key === "establishments" && current.length === 1) return { ok: false, message: `${item.label} is the only establishment, so it cannot be removed. You can rename it` };
    writeSetting(tx, actorId, list.key, current.filter((i) => i.key !== key), { removed: key });
    return { ok: true, key };
  }, database);
}
