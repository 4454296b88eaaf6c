import * as t from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";
import { mergeSettings, type Settings } from "./settings";

/** The council's settings: defaults overlaid with what is stored (one row per top-level key). */
export function loadSettings(database: DB = defaultDb()): Settings {
  const rows = database.select().from(t.settings).all();
  return mergeSettings(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}

/** The council's time zone, in which every date rule counts days (app/lib/council-time.ts). */
export function councilTimeZone(database: DB = defaultDb()): string {
  return loadSettings(database).council.timeZone;
}
