/** `npm run worker`: the scheduler alone, for a deployment that runs it apart from the web process. */
import { db, migrateDatabase } from "#db/client.server";
import { startScheduler } from "../server/scheduler";

migrateDatabase(db());
startScheduler();
console.log("Worker running: opening and closing consultations at their dates.");
setInterval(() => {}, 1 << 30);
