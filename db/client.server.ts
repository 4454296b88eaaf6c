/**
 * The database connection. One better-sqlite3 connection per process with the pragmas that
 * make acknowledged writes durable and concurrent readers safe (STACK.md).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";
import { env } from "~/lib/env.server";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

let instance: DB | undefined;

export function openDatabase(file: string): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = FULL");
  return drizzle(sqlite, { schema }) as DB;
}

export function db(): DB {
  instance ??= openDatabase(env().DATABASE_PATH);
  return instance;
}

export function closeDatabase() {
  instance?.$client.close();
  instance = undefined;
}

const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

export function migrateDatabase(database: DB = db(), folder = migrationsFolder) {
  migrate(database, { migrationsFolder: folder });
}

/**
 * Run `fn` in one IMMEDIATE transaction: state change, audit entry and outbox rows commit
 * together or not at all. Synchronous on purpose: better-sqlite3 transactions cannot await,
 * and IMMEDIATE takes the write lock up front so read-then-write never meets SQLITE_BUSY.
 */
export function writeTransaction<T>(fn: (tx: DB) => T, database: DB = db()): T {
  const run = database.$client.transaction(() => fn(database));
  return run.immediate();
}
