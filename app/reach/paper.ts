/**
 * The paper pack: the reference people quote on a paper response, and where packs can be picked
 * up. Pure; the words in one place for the translation catalogues.
 */
import type { PaperPackSettings, PlaceKind } from "./settings";

export const PLACE_KIND_LABELS: Record<PlaceKind, string> = {
  library: "Library",
  idea_store: "Idea Store",
  community_centre: "Community centre",
  other: "Other place",
};

/** "NMC-0007": the council's prefix and the proposal's number, which never changes. */
export function consultationReference(p: { id: number }, settings: Pick<PaperPackSettings, "referencePrefix">): string {
  return `${settings.referencePrefix}-${String(p.id).padStart(4, "0")}`;
}

export type DeliveryRow = { placeKey: string; placeName: string; placeKind: PlaceKind; placeAddress: string; copies: number; deliveredOn: string };

export type PickUpPlace = { key: string; name: string; kind: PlaceKind; address: string; openingHours: string | null; copies: number; firstDeliveredOn: string };

/**
 * Where the public can pick up a pack: each place packs went to, with the copies sent there in
 * total, the newest name and address (settings win over what was stored, so a renamed library
 * reads right), in the order of the settings' list.
 */
export function pickUpPlaces(deliveries: readonly DeliveryRow[], settings: Pick<PaperPackSettings, "places">): PickUpPlace[] {
  const byKey = new Map<string, PickUpPlace>();
  for (const d of deliveries) {
    const configured = settings.places.find((p) => p.key === d.placeKey);
    const existing = byKey.get(d.placeKey);
    if (existing) {
      existing.copies += d.copies;
      if (d.deliveredOn < existing.firstDeliveredOn) existing.firstDeliveredOn = d.deliveredOn;
      continue;
    }
    byKey.set(d.placeKey, {
      key: d.placeKey,
      name: configured?.name ?? d.placeName,
      kind: configured?.kind ?? d.placeKind,
      address: configured?.address ?? d.placeAddress,
      openingHours: configured?.openingHours ?? null,
      copies: d.copies,
      firstDeliveredOn: d.deliveredOn,
    });
  }
  const order = (key: string) => {
    const i = settings.places.findIndex((p) => p.key === key);
    return i === -1 ? settings.places.length : i;
  };
  return [...byKey.values()].sort((a, b) => order(a.key) - order(b.key) || a.name.localeCompare(b.name));
}

export const COPIES_MAX = 10_000;
