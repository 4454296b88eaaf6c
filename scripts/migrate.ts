import { db, migrateDatabase } from "#db/client.server";
import { env } from "~/lib/env.server";

migrateDatabase(db());
console.log(`Database migrated: ${env().DATABASE_PATH}`);
