import * as t from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";
import { mergeSettings, type Settings } from "./settings";

/** The council's settings: defaults overlaid with what is stored (one row per top-level key). */
export function loadSettings(database: DB = defaultDb()): Settings {
  const rows = database.select().from(t.settings).all();
  return mergeSettings(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}

/**
 * The council's time zone, in which every date rule counts days (app/lib/council-time.ts).
 * Read on every comment and answer, so kept per connection until the settings change: every
 * write to the settings moves the `site` generation in its own transaction (page_generations,
 * decision 029), so one single-row read tells whether the zone kept is still the stored one,
 * rather than reading and checking all the settings each time.
 */
export function councilTimeZone(database: DB = defaultDb()): string {
  const generation = siteGeneration(database);
  const kept = zones.get(database.$client);
  if (generation !== null && kept?.generation === generation) return kept.zone;
  const zone = loadSettings(database).council.timeZone;
  if (generation !== null) zones.set(database.$client, { generation, zone });
  return zone;
}

const zones = new WeakMap<object, { generation: number; zone: string }>();
const generationReads = new WeakMap<object, { get(): unknown }>();

/** The `site` generation, or null on a database without page_generations (before migration 0012). */
function siteGeneration(database: DB): number | null {
  let read = generationReads.get(database.$client);
  if (!read) {
    try {
      read = database.$client.prepare("SELECT generation FROM page_generations WHERE scope = 'site'").pluck();
    } catch {
      return null;
    }
    generationReads.set(database.$client, read);
  }
  try {
    const value = read.get();
    return typeof value === "number" ? value : null;
  } catch {
    return null;
  }
}
