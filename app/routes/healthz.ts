/** Liveness and database check for load balancers and monitoring: 200 when the database answers, 503 when not. */
import { db } from "#db/client.server";

const headers = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

export async function loader() {
  try {
    db().$client.prepare("SELECT 1").get();
  } catch {
    return new Response(JSON.stringify({ status: "error", database: "error" }), { status: 503, headers });
  }
  return new Response(JSON.stringify({ status: "ok", database: "ok" }), { status: 200, headers });
}
