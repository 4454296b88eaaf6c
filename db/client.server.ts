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

const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

export function openDatabase(file: string): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = FULL");
  return drizzle(sqlite, { schema }) as DB;
}

/**
 * Prove the database can be written: rewrite the header's user_version with its own value. A
 * file SQLite could open only for reading (permissions, an immutable file, a read-only mount)
 * fails here, where every later write would otherwise fail one request at a time.
 */
export function probeWrite(database: DB) {
  const version = database.$client.pragma("user_version", { simple: true }) as number;
  database.$client.pragma(`user_version = ${Number(version) | 0}`);
}

const REASONS: Record<string, string> = {
  SQLITE_READONLY: "is read-only for this process",
  SQLITE_CANTOPEN: "cannot be opened (is its folder there and writable?)",
  SQLITE_NOTADB: "is not a SQLite database",
  SQLITE_CORRUPT: "is damaged",
  SQLITE_BUSY: "is locked by another program",
  SQLITE_FULL: "cannot grow: the disk is full",
  SQLITE_IOERR: "cannot be read or written (a disk error)",
  SQLITE_PERM: "is not accessible to this process",
  EACCES: "cannot be created: its folder is not writable",
  EROFS: "cannot be created: its folder is on a read-only file system",
  ENOTDIR: "cannot be created: part of its path is a file, not a folder",
};

/** One line naming the path and the reason, for a start that cannot go on. */
export function describeDatabaseError(file: string, error: unknown): string {
  const e = error as { code?: string; message?: string };
  const code = typeof e?.code === "string" ? e.code : "";
  const reason = REASONS[code] ?? REASONS[code.split("_").slice(0, 2).join("_")] ?? "cannot be used";
  const detail = (e?.message ?? String(error)).split("\n")[0];
  return `the database ${path.resolve(file)} ${reason} (${code ? `${code}: ` : ""}${detail})`;
}

/** Open, prove writable and migrate, or throw one line that says which file and why. */
export function openForServing(file: string, folder = migrationsFolder): DB {
  try {
    const database = openDatabase(file);
    probeWrite(database);
    migrateDatabase(database, folder);
    return database;
  } catch (error) {
    throw new Error(describeDatabaseError(file, error));
  }
}

/** Use this connection as the process's database (start-up opened and checked it). */
export function useDatabase(database: DB) {
  instance = database;
}

export function db(): DB {
  instance ??= openDatabase(env().DATABASE_PATH);
  return instance;
}

export function closeDatabase() {
  instance?.$client.close();
  instance = undefined;
}

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
