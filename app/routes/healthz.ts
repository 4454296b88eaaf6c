/**
 * Liveness and database check for load balancers and monitoring: 200 when the database can be
 * read and written, 503 when not. The write is real (the header's user_version rewritten, see
 * probeWrite) and made at most once a second, so a busy probe does not become a write load.
 */
import { db, probeWrite } from "#db/client.server";

const headers = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };
const WRITE_EVERY_MS = 1000;

let lastWrite = { at: 0, ok: false };

function canWrite(): boolean {
  const at = Date.now();
  if (at - lastWrite.at < WRITE_EVERY_MS) return lastWrite.ok;
  let ok = true;
  try {
    probeWrite(db());
  } catch {
    ok = false;
  }
  lastWrite = { at, ok };
  return ok;
}

export async function loader() {
  try {
    db().$client.prepare("SELECT 1").get();
  } catch {
    return new Response(JSON.stringify({ status: "error", database: "error" }), { status: 503, headers });
  }
  if (!canWrite()) return new Response(JSON.stringify({ status: "error", database: "read-only" }), { status: 503, headers });
  return new Response(JSON.stringify({ status: "ok", database: "ok" }), { status: 200, headers });
}
