/**
 * Paper packs sent out for people to pick up: officers record how many went where, the public
 * page lists the places. Each record is one IMMEDIATE transaction with its audit entry.
 */
import { and, asc, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import type { SignedInViewer } from "~/auth/permissions";
import type { Settings } from "~/lib/settings";
import { pickUpPlaces, type PickUpPlace } from "./paper";

export function listDeliveries(proposalId: number, database: DB = defaultDb()) {
  return database
    .select({
      id: t.paperPackDeliveries.id,
      placeKey: t.paperPackDeliveries.placeKey,
      placeName: t.paperPackDeliveries.placeName,
      placeKind: t.paperPackDeliveries.placeKind,
      placeAddress: t.paperPackDeliveries.placeAddress,
      copies: t.paperPackDeliveries.copies,
      deliveredOn: t.paperPackDeliveries.deliveredOn,
      recordedBy: t.users.name,
    })
    .from(t.paperPackDeliveries)
    .leftJoin(t.users, eq(t.users.id, t.paperPackDeliveries.recordedById))
    .where(eq(t.paperPackDeliveries.proposalId, proposalId))
    .orderBy(asc(t.paperPackDeliveries.deliveredOn), asc(t.paperPackDeliveries.id))
    .all();
}

export function publicPickUpPlaces(proposalId: number, settings: Settings, database: DB = defaultDb()): PickUpPlace[] {
  return pickUpPlaces(listDeliveries(proposalId, database), settings.paperPacks);
}

export type DeliveryInput = { placeKey: string; copies: number; deliveredOn: string };

export function recordDelivery(viewer: SignedInViewer, proposalId: number, input: DeliveryInput, settings: Settings, database: DB = defaultDb()): { ok: true; id: number } | { ok: false; message: string } {
  const place = settings.paperPacks.places.find((p) => p.key === input.placeKey);
  if (!place) return { ok: false, message: "Choose where the packs were sent" };
  return writeTransaction((tx) => {
    const { id } = tx
      .insert(t.paperPackDeliveries)
      .values({ proposalId, placeKey: place.key, placeName: place.name, placeKind: place.kind, placeAddress: place.address, copies: input.copies, deliveredOn: input.deliveredOn, recordedById: viewer.id })
      .returning({ id: t.paperPackDeliveries.id })
      .get();
    appendAudit(tx, { actorId: viewer.id, action: "paper_pack.delivered", entityType: "proposal", entityId: proposalId, detail: { place: place.name, copies: input.copies, deliveredOn: input.deliveredOn } });
    return { ok: true as const, id };
  }, database);
}

export function removeDelivery(viewer: SignedInViewer, proposalId: number, deliveryId: number, database: DB = defaultDb()): boolean {
  return writeTransaction((tx) => {
    const row = tx.select().from(t.paperPackDeliveries).where(and(eq(t.paperPackDeliveries.id, deliveryId), eq(t.paperPackDeliveries.proposalId, proposalId))).get();
    if (!row) return false;
    tx.delete(t.paperPackDeliveries).where(eq(t.paperPackDeliveries.id, deliveryId)).run();
    appendAudit(tx, { actorId: viewer.id, action: "paper_pack.removed", entityType: "proposal", entityId: proposalId, detail: { place: row.placeName, copies: row.copies, deliveredOn: row.deliveredOn } });
    return true;
  }, database);
}
