/**
 * `npm run bench`: the figures of issue 13, printed, not asserted (timed tests flake; people
 * compare figures). On a scratch database seeded for scale (the demo council, 2,000 published
 * comments on the CAMHS consultation from 2,000 respondents, and a staff group of 10,000 told
 * when a consultation opens), it measures:
 *
 * - acknowledged comment posts per second (postComment, each durable on disk before it returns;
 *   in this process, through the same function the route calls), and over HTTP: signed-in
 *   residents (sessions made by this seeding) posting through the comment form's action from
 *   HTTP_CONCURRENCY connections at once, then the comments counted in the database, so a post
 *   acknowledged and not stored would show as lost;
 * - the time to queue 10,000 staff emails at opening, and delivery to a local SMTP server
 *   (smtp-server on a free port) through the pooled transport;
 * - from starting the built app (`node scripts/run.mjs start`, what `npm start` runs) to the
 *   first 200;
 * - each page against a bare node:http server in its own process sending the same bytes,
 *   alternating app, bare, app, bare (BENCH_ROUNDS pairs, BENCH_SECONDS each, BENCH_CONNECTIONS
 *   connections; BENCH_PAGES, comma-separated, for some pages alone): bytes, req/s, p50, p99
 *   and the ratio;
 * - one view at a time of the CAMHS page and the home page, from the render cache and without it
 *   (the page's generation moved by this process before each view, as any write to what the
 *   page shows would, so each view is rendered);
 * - the server's resident memory after all that.
 *
 * The load average is printed with the figures: on a busy machine they mean little.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const ALL_PAGES = [
  "/",
  "/consultations",
  "/consultations?status=open",
  "/consultations/camhs-social-work",
  "/consultations/ict-strategic-partnership",
  // The open data: the API list, one consultation's JSON, search, a feed and a CSV file.
  "/api/v1/consultations",
  "/api/v1/consultations/camhs-social-work",
  "/api/v1/search?q=waiting+times",
  "/feeds/consultations.atom",
  "/api/v1/risks.csv",
  "/healthz",
];
/** BENCH_PAGES=/,/consultations measures those pages alone. */
const PAGES = process.env.BENCH_PAGES ? process.env.BENCH_PAGES.split(",") : ALL_PAGES;
const CAMHS = "camhs-social-work";
/** Comment posts over HTTP: this many residents posting at once, each posting POSTS_EACH times. */
const HTTP_CONCURRENCY = Number(process.env.BENCH_POST_CONCURRENCY ?? 50);
const HTTP_RESIDENTS = 500;
const POSTS_EACH = 2;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plainsight-bench-"));
const scratch = { DATABASE_PATH: path.join(dir, "bench.db"), UPLOADS_PATH: path.join(dir, "uploads") };
Object.assign(process.env, scratch, { PLAINSIGHT_DEMO: "1", NODE_ENV: "production", SESSION_SECRET: process.env.SESSION_SECRET ?? "bench-only-secret-0123456789abcdef0123456789abcdef" });
const loadavg = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");
const children: ChildProcess[] = [];
const out: string[] = [];
const say = (line: string) => {
  console.log(line);
  out.push(line);
};

function rssMiB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Start a child that prints `running at http://host:port` (or "listening PORT"), and resolve its port. */
function startChild(command: string, args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    children.push(child);
    let text = "";
    child.stdout!.on("data", (chunk) => {
      text += chunk;
      const m = /(?:running at http:\/\/[^\s:]+:|listening )(\d+)/.exec(text);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on("exit", (code) => reject(new Error(`${command} ${args.join(" ")} exited (${code}):\n${text}`)));
  });
}

async function firstOk(url: string) {
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function load(url: string) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.errors + r.non2xx + r.timeouts };
}

try {
  say(`Plainsight bench, ${new Date().toISOString()}, ${os.cpus().length} cores, load ${loadavg()}`);
  // The build production runs, and the demo council seeded by the compiled seed script.
  const { ensureBuilt, SCRIPTS_BUILD } = await import("./lib/build.mjs");
  await ensureBuilt({ app: true });
  const seeded = spawnSync(process.execPath, [path.join(SCRIPTS_BUILD, "seed.js")], { env: process.env, encoding: "utf8" });
  if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stderr}`);

  // ── Writes, in this process, on the scratch database ────────────────────────────
  const { db, closeDatabase } = await import("#db/client.server");
  const t = await import("#db/schema");
  const { eq, inArray } = await import("drizzle-orm");
  const { postComment } = await import("~/responses/comments.server");
  const { loadProposalBySlug } = await import("~/proposals/proposals.server");
  const { applyTransition, runScheduledTransitions } = await import("~/proposals/lifecycle.server");

  const camhs = loadProposalBySlug(CAMHS)!;
  const N_COMMENTS = 2000;
  const stamp = new Date().toISOString();
  const respondentIds = db().$client.transaction(() => {
    const insert = db().$client.prepare("INSERT INTO respondents (email, name, show_name, privacy_accepted_at, verified_at, created_at) VALUES (?, ?, 0, ?, ?, ?) RETURNING id");
    return Array.from({ length: N_COMMENTS }, (_, i) => (insert.get(`bench-${i}@example.com`, `Resident ${i}`, stamp, stamp, stamp) as { id: number }).id);
  })();
  const started = performance.now();
  let posted = 0;
  for (let i = 0; i < N_COMMENTS; i++) {
    const result = postComment({
      proposal: camhs,
      author: { kind: "respondent", respondentId: respondentIds[i] },
      body: `Comment ${i}: the assessment figures for children in the north of the borough need to be published before the decision, with waiting times by month.`,
      address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    });
    if (result.ok) posted++;
  }
  const postSeconds = (performance.now() - started) / 1000;
  say(`comment posts: ${posted} of ${N_COMMENTS} acknowledged in ${postSeconds.toFixed(2)} s = ${(posted / postSeconds).toFixed(0)} a second (one at a time, each durable; synchronous=FULL)`);

  // A staff group of 10,000 on a consultation that then opens.
  const garden = loadProposalBySlug("garden-waste-collections")!;
  const group = db().select().from(t.staffGroups).where(eq(t.staffGroups.id, garden.staffGroups[0].id)).get()!;
  db().update(t.staffGroups).set({ distributionEmail: null }).where(inArray(t.staffGroups.id, garden.staffGroups.map((g) => g.id))).run();
  db().$client.transaction(() => {
    const insert = db().$client.prepare("INSERT OR IGNORE INTO staff_group_members (staff_group_id, email) VALUES (?, ?)");
    for (let i = 0; i < 10_000; i++) insert.run(group.id, `staff${i}@northmoor.example.gov.uk`);
  })();
  const approver = db().select().from(t.users).where(eq(t.users.email, "approver@northmoor.example")).get()!;
  const { getViewer, createUserSession } = await import("~/auth/session.server");
  const cookie = ((await createUserSession(approver.id, "/staff")).headers.get("Set-Cookie") ?? "").split(";")[0];
  const viewer = (await getViewer(new Request("http://localhost/", { headers: { Cookie: cookie } })))!;
  const approved = applyTransition("approve", garden.id, { kind: "person", viewer });
  // The notice period runs from the union notices' delivery.
  const { deliverDue, localTransport, smtpTransport } = await import("~/notifications/delivery.server");
  while ((await deliverDue({ transport: localTransport() })).sent);
  db().delete(t.outbox).run();
  const openAt = new Date(`${loadProposalBySlug("garden-waste-collections")!.opensOn}T12:00:00.000Z`);
  const t0 = performance.now();
  const { opened } = runScheduledTransitions(new Date(Math.max(openAt.getTime(), Date.now())));
  const enqueueMs = performance.now() - t0;
  const staffQueued = db().select({ id: t.outbox.id }).from(t.outbox).where(eq(t.outbox.event, "staff_opened")).all().length;
  say(`staff emails at opening: ${staffQueued} queued in ${enqueueMs.toFixed(0)} ms (the whole opening transaction${approved.ok && opened.includes("garden-waste-collections") ? "" : "; NOTE: the consultation did not open"})`);

  // Delivery to a local SMTP server through the pooled transport.
  const { SMTPServer } = await import("smtp-server");
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const smtpPort = (smtp.server.address() as import("node:net").AddressInfo).port;
  const transport = smtpTransport(`smtp://127.0.0.1:${smtpPort}`);
  const d0 = performance.now();
  let sent = 0;
  while (performance.now() - d0 < 60_000) {
    const report = await deliverDue({ transport, now: () => new Date(Date.now() + 365 * 86_400_000) });
    sent += report.sent;
    if (!report.sent && !report.retrying) break;
  }
  const deliverySeconds = (performance.now() - d0) / 1000;
  transport.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  say(`delivery: ${sent} sent (${received} received) in ${deliverySeconds.toFixed(1)} s = ${(sent / deliverySeconds).toFixed(0)} a second (pooled SMTP, local server)`);

  // Residents for the posts over HTTP: verified, privacy notice accepted, profile done, signed in
  // (a session row and its signed cookie, as following an emailed link makes).
  const { sessionCookieHeader } = await import("~/responses/respondents.server");
  const { newToken, hashToken } = await import("~/notifications/tokens.server");
  const expires = new Date(Date.now() + 86_400_000).toISOString();
  const tokens = db().$client.transaction(() => {
    const person = db().$client.prepare("INSERT INTO respondents (email, name, show_name, responding_as, privacy_accepted_at, verified_at, created_at) VALUES (?, ?, 0, 'individual', ?, ?, ?) RETURNING id");
    const session = db().$client.prepare("INSERT INTO respondent_sessions (token_hash, respondent_id, created_at, expires_at) VALUES (?, ?, ?, ?)");
    return Array.from({ length: HTTP_RESIDENTS }, (_, i) => {
      const { id } = person.get(`http-${i}@example.com`, `Poster ${i}`, stamp, stamp, stamp) as { id: number };
      const token = newToken();
      session.run(hashToken(token), id, stamp, expires);
      return { id, token };
    });
  })();
  const residents = await Promise.all(tokens.map(async ({ id, token }) => ({ id, cookie: (await sessionCookieHeader(token)).split(";")[0] })));
  closeDatabase();

  // ── The app, started as `npm start` starts it ───────────────────────────────────
  const s0 = performance.now();
  // TRUST_PROXY: the posts over HTTP each come from their resident's own address (X-Forwarded-For
  // from loopback), as residents' posts would, rather than all from one address's allowance.
  const app = await startChild(process.execPath, ["scripts/run.mjs", "start", "--demo", "--no-worker"], { PORT: "0", TRUST_PROXY: "loopback", ...scratch });
  const base = `http://127.0.0.1:${app.port}`;
  await firstOk(`${base}/healthz`);
  say(`start: ${((performance.now() - s0) / 1000).toFixed(2)} s from node scripts/run.mjs start to the first 200 (built checkout, database present)`);

  // The same bytes from a bare node:http server in its own process.
  const bodies: Record<string, { type: string; body: string }> = {};
  for (const page of PAGES) {
    const r = await fetch(`${base}${page}`, { headers: { "Accept-Encoding": "identity" } });
    bodies[page] = { type: r.headers.get("content-type") ?? "text/html", body: Buffer.from(await r.arrayBuffer()).toString("base64") };
  }
  const bytesFile = path.join(dir, "pages.json");
  fs.writeFileSync(bytesFile, JSON.stringify(bodies));
  const bareSource = `const http=require("node:http");const pages=JSON.parse(require("node:fs").readFileSync(${JSON.stringify(bytesFile)},"utf8"));for(const k in pages)pages[k].buf=Buffer.from(pages[k].body,"base64");const s=http.createServer((q,r)=>{const p=pages[q.url];if(!p){r.statusCode=404;return r.end();}r.writeHead(200,{"Content-Type":p.type,"Content-Length":p.buf.length});r.end(p.buf);});s.listen(0,"127.0.0.1",()=>console.log("listening "+s.address().port));`;
  const bare = await startChild(process.execPath, ["-e", bareSource], {});

  say(`pages: ${CONNECTIONS} connections, ${SECONDS} s each, app and bare alternating ${ROUNDS} times (load ${loadavg()})`);
  say(`${"page".padEnd(44)} ${"bytes".padStart(9)}${"app req/s".padStart(11)}${"bare req/s".padStart(12)}${"ratio".padStart(9)}${"app p50".padStart(9)}${"app p99 (range)".padStart(17)}${"errors".padStart(8)}`);
  for (const page of PAGES) {
    const a: Awaited<ReturnType<typeof load>>[] = [];
    const b: Awaited<ReturnType<typeof load>>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      a.push(await load(`${base}${page}`));
      b.push(await load(`http://127.0.0.1:${bare.port}${page}`));
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const appRps = mean(a.map((x) => x.rps));
    const bareRps = mean(b.map((x) => x.rps));
    const p99s = a.map((x) => x.p99);
    say(
      `${page.padEnd(44)} ${Buffer.from(bodies[page].body, "base64").length.toLocaleString("en-GB").padStart(9)}${appRps.toFixed(0).padStart(11)}${bareRps.toFixed(0).padStart(12)}${`1/${(bareRps / Math.max(appRps, 1)).toFixed(1)}`.padStart(9)}${`${Math.max(...a.map((x) => x.p50))}ms`.padStart(9)}${`${Math.min(...p99s)}-${Math.max(...p99s)}ms`.padStart(17)}${String(a.reduce((s, x) => s + x.bad, 0)).padStart(8)}`,
    );
  }

  // One view at a time, from the render cache and without it: before each uncached view this
  // process moves the page's generation (as any write to what the page shows would, through
  // the triggers), so the server renders it from the database.
  const Database = (await import("better-sqlite3")).default;
  const writer = new Database(scratch.DATABASE_PATH);
  const bump = (scope: string) => writer.prepare("UPDATE page_generations SET generation = generation + 1 WHERE scope = ?").run(scope);
  const oneAtATime = async (page: string, before?: () => void) => {
    const times: number[] = [];
    let unexpected = 0;
    for (let i = 0; i < 31; i++) {
      before?.();
      const q0 = performance.now();
      const r = await fetch(`${base}${page}`, { headers: { "Accept-Encoding": "br, gzip" } });
      await r.arrayBuffer();
      const ms = performance.now() - q0;
      const cache = r.headers.get("x-render-cache");
      if (i > 0) times.push(ms); // the first view warms up
      // (A cached view can miss once when the minute turns: the key has the minute in it.)
      if (i > 0 && cache !== (before ? "miss" : "hit")) unexpected++;
    }
    times.sort((x, y) => x - y);
    return `median ${times[15].toFixed(1)} ms, fastest ${times[0].toFixed(1)} ms${unexpected ? ` (${unexpected} not ${before ? "rendered" : "from the cache"})` : ""}`;
  };
  say(`one view at a time (30 views each, round trip on loopback, brotli; load ${loadavg()}):`);
  for (const [page, scope] of [[`/consultations/${CAMHS}`, `proposal:${camhs.id}`], ["/", "content"]] as const) {
    say(`  ${page.padEnd(40)} cached: ${await oneAtATime(page)}; uncached (generation moved before each view): ${await oneAtATime(page, () => bump(scope))}`);
  }
  writer.close();

  // Comment posts over HTTP: signed-in residents posting through the comment form, many at once.
  const agent = new http.Agent({ keepAlive: true, maxSockets: HTTP_CONCURRENCY });
  const post = (cookie: string, address: string, body: string) =>
    new Promise<number | string>((resolve, reject) => {
      const data = new URLSearchParams({ body }).toString();
      const req = http.request(
        `${base}/consultations/${CAMHS}/comments`,
        { method: "POST", agent, headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(data), "X-Forwarded-For": address } },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode!));
        },
      );
      req.on("error", (error: NodeJS.ErrnoException) => (error.code ? resolve(error.code) : reject(error)));
      req.end(data);
    });
  const statuses = new Map<number | string, number>();
  let acknowledged = 0;
  let next = 0;
  const h0 = performance.now();
  await Promise.all(
    Array.from({ length: HTTP_CONCURRENCY }, async () => {
      for (let job = next++; job < HTTP_RESIDENTS * POSTS_EACH; job = next++) {
        const who = job % HTTP_RESIDENTS;
        const status = await post(residents[who].cookie, `10.9.${who >> 8}.${who & 255}`, `Post ${job} over HTTP: the waiting list for an assessment should be published every month, by area.`);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        // Remix answers a successful form post with a redirect to the new comment.
        if (status === 302 || status === 303) acknowledged++;
      }
    }),
  );
  const httpSeconds = (performance.now() - h0) / 1000;
  agent.destroy();
  const reader = new Database(scratch.DATABASE_PATH, { readonly: true });
  const stored = reader.prepare(`SELECT count(*) FROM comments WHERE respondent_id IN (${residents.map((r) => r.id).join(",")})`).pluck().get() as number;
  reader.close();
  say(
    `comment posts over HTTP: ${acknowledged} of ${HTTP_RESIDENTS * POSTS_EACH} acknowledged in ${httpSeconds.toFixed(2)} s = ${(acknowledged / httpSeconds).toFixed(0)} a second from ${HTTP_CONCURRENCY} residents at once; ${stored} stored, lost=${acknowledged - stored} (answers: ${[...statuses].map(([k, v]) => `${k}×${v}`).join(", ")})`,
  );
  say(`server resident memory after the benchmark: ${rssMiB(app.child.pid!).toFixed(0)} MiB; load ${loadavg()}`);
} finally {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
}
