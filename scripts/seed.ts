/**
 * `npm run seed`: open the database (DATABASE_PATH, default data/plainsight.db), migrate it, and
 * seed the demo council from content/ if it has no users yet. Prints the demo accounts.
 * Demo data only: never run this against a real council's database.
 */
import { migrateDatabase, openDatabase } from "#db/client.server";
import { formatAccountsTable, isDatabaseEmpty, seedDemo, uploadsDir } from "#db/seed.server";
import { seedDemoResponses } from "~/responses/seed.server";
import { seedDemoChallenges } from "~/challenges/seed.server";
import { seedDemoReach } from "~/reach/seed.server";
import { now } from "~/lib/clock";

const file = process.env.DATABASE_PATH ?? "data/plainsight.db";
const database = openDatabase(file);
try {
  migrateDatabase(database);
  if (!isDatabaseEmpty(database)) {
    console.log(`${file} already has users: nothing seeded. Delete the file to start the demo again.`);
  } else {
    const { accounts } = await seedDemo(database, now());
    seedDemoResponses(database, now());
    seedDemoChallenges(database, now());
    seedDemoReach(database, now());
    console.log(`Seeded the demo council into ${file} (documents in ${uploadsDir()}).\n`);
    console.log("Demo accounts (demo mode only; the passwords are public):\n");
    console.log(formatAccountsTable(accounts));
    console.log("");
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  database.$client.close();
}
