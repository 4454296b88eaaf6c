/**
 * `npm run test:planted`: plants one known bug at a time in the checks that keep hidden
 * proposals hidden and the lifecycle's permissions, runs the tests that should catch it, and
 * restores the file. Issue 15: breaking the visibility check of any one public loader or action,
 * or any permission check of the lifecycle, must make at least one test fail.
 *
 *   npm run test:planted                  everything (about 30 minutes on the loaded 2-core machine)
 *   npm run test:planted -- routes        only the public surfaces
 *   npm run test:planted -- lifecycle     only the lifecycle's policy
 *   npm run test:planted -- "decide: twice"   only the bugs whose description contains these words
 *
 * Prints a table (planted bug, file:line, caught by or MISSED) and exits 1 if any bug is missed.
 * Not part of `npm test`. It edits source files in place: run it in a worktree with nothing
 * uncommitted in the files it plants in (it refuses otherwise) and do not run it alongside
 * another test run of the same tree.
 *
 * A surface's bug counts as caught only if that surface's own row of hidden-means-404.test.ts
 * fails while the file's sanity test (who lacks the need to know) still passes, so a plant that
 * broke the fixtures cannot pass for a catch. Where the visibility check lives in a shared server
 * function (the comment threads, the reach pages), the bug is planted there once and each
 * surface that goes through it is reported on its own row.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PUBLIC_SURFACES } from "../tests/integration/public-surfaces";

/** A viewer every proposal is visible to: passing it to the visibility check is the bug. */
const EVERYONE = `({ id: -1, roles: ["admin"], serviceId: null, unionIds: [] } as never)`;

type Edit = { find: string; replace: string };
type Plant = {
  bug: string;
  file: string;
  edits: Edit[];
  tests: string[];
  /** for surfaces: the rows of hidden-means-404.test.ts that must fail (surface names) */
  surfaces?: string[];
  /** judged by hand to change nothing anyone could notice, and why: reported, not counted as missed */
  equivalent?: string;
};

const HIDDEN = "tests/integration/hidden-means-404.test.ts";
const LIFECYCLE_TESTS = ["tests/unit/lifecycle.test.ts", "tests/unit/lifecycle-matrix.test.ts", "tests/unit/lifecycle-edges.test.ts"];
const R = (name: string) => `app/routes/${name}.tsx`;

/** The proposal loaded for everyone, and the "published only" guard removed. */
const routePlant = (surfaces: string[], route: string, call: string, guard?: string): Plant => ({
  bug: `visibility passes for everyone in ${path.basename(R(route))}`,
  file: R(route),
  edits: [{ find: call, replace: call.replace(/requireVisibleProposal\([^,]+,/, `requireVisibleProposal(${EVERYONE},`) }, ...(guard ? [{ find: guard, replace: guard.replace(/if \(.*\) throw/, "if (false) throw") }] : [])],
  tests: [HIDDEN],
  surfaces,
});

const ROUTES: Plant[] = [
  routePlant(["the consultation page"], "consultations.$slug", `requireVisibleProposal(viewer, params.slug ?? "")`),
  routePlant(["its history"], "consultations.$slug_.history", `requireVisibleProposal(viewer, params.slug ?? "")`),
  {
    ...routePlant(["a document download"], "consultations.$slug.documents.$documentId", `requireVisibleProposal(viewer, params.slug ?? "")`),
    edits: [
      { find: `requireVisibleProposal(viewer, params.slug ?? "")`, replace: `requireVisibleProposal(${EVERYONE}, params.slug ?? "")` },
      { find: `!canDownloadDocument(viewer, visibilityFacts(proposal), doc)`, replace: `false` },
    ],
  },
  routePlant(["the respond page", "sending a response"], "consultations.$slug_.respond", `requireVisibleProposal(viewer, slug)`, `if (!isPublic(proposal)) throw notFound();`),
  routePlant(["the response confirmation"], "consultations.$slug_.respond_.confirmation", `requireVisibleProposal(await getViewer(request), params.slug ?? "")`, `if (!isPublic(proposal)) throw notFound();`),
  routePlant(["the outcome (you said, we did)"], "consultations.$slug_.outcome", `requireVisibleProposal(await getViewer(request), params.slug ?? "")`, `if (!isPublic(proposal)) throw notFound();`),
  {
    ...routePlant(["the published answers"], "consultations.$slug_.outcome_.answers", `requireVisibleProposal(await getViewer(request), params.slug ?? "")`),
    edits: [
      { find: `requireVisibleProposal(await getViewer(request), params.slug ?? "")`, replace: `requireVisibleProposal(${EVERYONE}, params.slug ?? "")` },
      { find: `!isPublic(proposal) || !outcomeIsPublished(proposal)`, replace: `!outcomeIsPublished(proposal)` },
    ],
    // The page's other guard asks for a published outcome, which only a public state can have.
    equivalent: "outcomeIsPublished is false in every hidden state (OUTCOME_PUBLIC_IN), so the page still answers 404",
  },
  {
    bug: "visibility passes for everyone in requireDiscussableProposal (every comment surface)",
    file: "app/responses/thread-page.server.ts",
    edits: [
      { find: `const proposal = requireVisibleProposal(viewer, slug);`, replace: `const proposal = requireVisibleProposal(${EVERYONE}, slug);` },
      { find: `if (!isPublic(proposal)) throw notFound();`, replace: `if (false) throw notFound();` },
    ],
    tests: [HIDDEN],
    surfaces: PUBLIC_SURFACES.filter((s) => /comment|risk|report|deletion/.test(s.name)).map((s) => s.name),
  },
  {
    bug: "visibility passes for everyone in consultationFor (easy read, paper pack)",
    file: "app/reach/public.server.ts",
    edits: [{ find: `const proposal = requireVisibleProposal(viewer, slug ?? "");`, replace: `const proposal = requireVisibleProposal(${EVERYONE}, slug ?? "");` }],
    tests: [HIDDEN],
    surfaces: ["the easy read page", "the paper pack"],
  },
  {
    bug: "visibility passes for everyone in publishedConsultationFor (formats, equality)",
    file: "app/reach/public.server.ts",
    edits: [
      { find: `const proposal = requireVisibleProposal(viewer, slug ?? "");`, replace: `const proposal = requireVisibleProposal(${EVERYONE}, slug ?? "");` },
      { find: `if (!found.isPublic) throw notFound();`, replace: `if (false) throw notFound();` },
    ],
    tests: [HIDDEN],
    surfaces: ["asking for another format", "sending a request for another format", "the equality monitoring questions", "sending equality monitoring answers"],
  },
];

/** One condition of the transition policy made to pass, the rest left as they are. */
const policy = (bug: string, find: string, from: string, to: string): Plant => ({
  bug,
  file: "app/proposals/lifecycle.ts",
  edits: [{ find, replace: find.replace(from, to) }],
  tests: LIFECYCLE_TESTS,
});

const LIFECYCLE: Plant[] = [
  policy("canEditProposal: any officer's own-service-or-drafter check passes", `viewer.serviceId === p.serviceId || viewer.id === p.createdById`, `viewer.serviceId === p.serviceId || viewer.id === p.createdById`, `true`),
  policy("canEditProposal: proposal:edit permission not asked", `return can(viewer, "proposal:edit") && (`, `can(viewer, "proposal:edit") && `, ``),
  policy("approvalConflict: the drafter may approve", `if (approverId === p.createdById) return`, `approverId === p.createdById`, `false`),
  policy("approvalConflict: an editor since the last return may approve", `if (editorIds.includes(approverId)) return`, `editorIds.includes(approverId)`, `false`),
  policy("submit: anyone may submit", `if (!person || !canEditProposal(person, p)) return refuse(403, "You cannot submit`, `!person || !canEditProposal(person, p)`, `false`),
  policy("submit: from any state", `if (p.state !== "draft") return refuse(409, "Only a draft can be submitted`, `p.state !== "draft"`, `false`),
  policy("approve: without proposal:approve", `!can(person, "proposal:approve")) return refuse(403, "You cannot approve`, `!can(person, "proposal:approve")`, `false`),
  policy("approve: separation of duties ignored", `if (conflict) return refuse(403, conflict);`, `if (conflict)`, `if (false)`),
  policy("approve: from any state", `if (p.state !== "in_review") return refuse(409, "Only a proposal in review can be approved`, `p.state !== "in_review"`, `false`),
  policy("reject: without proposal:reject", `!can(person, "proposal:reject")`, `!can(person, "proposal:reject")`, `false`),
  policy("reject: from any state", `if (p.state !== "in_review") return refuse(409, "Only a proposal in review can be returned`, `p.state !== "in_review"`, `false`),
  policy(
    "open: anyone may open by hand",
    `if (actor.kind !== "system" && !(person && can(person, "admin:manage"))) return refuse(403, "Consultations open`,
    `actor.kind !== "system" && !(person && can(person, "admin:manage"))`,
    `false`,
  ),
  policy(
    "open: any signed-in person may open by hand",
    `if (actor.kind !== "system" && !(person && can(person, "admin:manage"))) return refuse(403, "Consultations open`,
    `can(person, "admin:manage")`,
    `true`,
  ),
  policy("open: from any state", `if (p.state !== "union_notice" && p.state !== "scheduled") return refuse(409`, `p.state !== "union_notice" && p.state !== "scheduled"`, `false`),
  policy(
    "close: anyone may close by hand",
    `if (actor.kind !== "system" && !(person && can(person, "admin:manage"))) return refuse(403, "Consultations close`,
    `actor.kind !== "system" && !(person && can(person, "admin:manage"))`,
    `false`,
  ),
  policy("close: from any state", `if (p.state !== "open") return refuse(409, "Only an open consultation can close`, `p.state !== "open"`, `false`),
  policy("withdraw: neither editor nor approver needed", `!(canEditProposal(person, p) || can(person, "proposal:approve"))`, `!(canEditProposal(person, p) || can(person, "proposal:approve"))`, `false`),
  {
    ...policy("withdraw: without proposal:withdraw", `|| !can(person, "proposal:withdraw")`, `!can(person, "proposal:withdraw")`, `false`),
    // Every role with proposal:edit or proposal:approve also has proposal:withdraw (auth/permissions.ts),
    // so the check above it already refuses everyone this one would. It guards a future role table.
    equivalent: "every role that may edit or approve may also withdraw (auth/permissions.ts)",
  },
  policy("withdraw: from any state", `if (!STATES_BEFORE_DECISION.includes(p.state)) return`, `!STATES_BEFORE_DECISION.includes(p.state)`, `false`),
  policy("publish_outcome: without outcome:approve", `!can(person, "outcome:approve")`, `!can(person, "outcome:approve")`, `false`),
  policy("publish_outcome: a contributor may sign off", `if (outcome?.contributorIds.includes(person.id)) return`, `outcome?.contributorIds.includes(person.id)`, `false`),
  policy("publish_outcome: again after publication", `if (p.state === "outcome_published" || p.state === "decided") return refuse(409`, `p.state === "outcome_published" || p.state === "decided"`, `false`),
  policy("publish_outcome: before closing", `if (p.state !== "closed") return refuse(409`, `p.state !== "closed"`, `false`),
  policy("decide: without decision:record", `!can(person, "decision:record")`, `!can(person, "decision:record")`, `false`),
  policy("decide: twice", `if (p.state === "decided") return refuse(409, "The decision`, `p.state === "decided"`, `false`),
  policy("decide: before the outcome is published", `if (p.state !== "outcome_published") return refuse(409, "A decision`, `p.state !== "outcome_published"`, `false`),
];

type Row = { bug: string; where: string; caughtBy: string | null; equivalent?: string };

const ROOT = path.resolve(import.meta.dirname, "..");

function lineOf(text: string, find: string): number {
  return text.slice(0, text.indexOf(find)).split("\n").length;
}

type JsonReport = {
  numFailedTests: number;
  testResults: { name: string; status: string; message?: string; assertionResults: { ancestorTitles: string[]; title: string; status: string }[] }[];
};

function vitest(files: string[]): JsonReport {
  const out = path.join(os.tmpdir(), `planted-${process.pid}-${Date.now()}.json`);
  spawnSync("npx", ["vitest", "run", ...files, "--reporter=json", `--outputFile=${out}`], { cwd: ROOT, stdio: ["ignore", "ignore", "ignore"], env: process.env });
  try {
    return JSON.parse(fs.readFileSync(out, "utf8")) as JsonReport;
  } catch {
    return { numFailedTests: -1, testResults: [] };
  } finally {
    fs.rmSync(out, { force: true });
  }
}

function unchanged(file: string): boolean {
  return spawnSync("git", ["diff", "--quiet", "--", file], { cwd: ROOT }).status === 0;
}

function run(plant: Plant): Row[] {
  const abs = path.join(ROOT, plant.file);
  if (!unchanged(plant.file)) throw new Error(`${plant.file} has uncommitted changes: commit or stash them first`);
  const original = fs.readFileSync(abs, "utf8");
  for (const e of plant.edits) {
    const count = original.split(e.find).length - 1;
    if (count !== 1) throw new Error(`${plant.bug}: expected "${e.find}" once in ${plant.file}, found ${count} (the code moved: update the plant)`);
  }
  const where = `${plant.file}:${plant.edits.map((e) => lineOf(original, e.find)).join(",")}`;
  let report: JsonReport;
  try {
    fs.writeFileSync(abs, plant.edits.reduce((text, e) => text.replace(e.find, e.replace), original));
    report = vitest(plant.tests);
  } finally {
    fs.writeFileSync(abs, original);
  }
  if (!unchanged(plant.file)) throw new Error(`${plant.file} was not restored exactly`);

  const results = report.testResults.flatMap((f) => f.assertionResults.map((a) => ({ file: path.relative(ROOT, f.name), suite: a.ancestorTitles[0] ?? "", status: a.status })));
  if (plant.surfaces) {
    // The fixtures and the refused viewers must still stand, or a failure proves nothing.
    const sane = results.some((r) => r.suite.startsWith("who lacks the need to know") && r.status === "passed");
    return plant.surfaces.map((name) => {
      const failed = sane && results.some((r) => r.suite === name && r.status === "failed");
      return { bug: `${plant.bug}: ${name}`, where, caughtBy: failed ? `${HIDDEN} ("${name}")` : null, equivalent: plant.equivalent };
    });
  }
  const failedFiles = [...new Set(results.filter((r) => r.status === "failed").map((r) => r.file))];
  return [{ bug: plant.bug, where, caughtBy: failedFiles.length ? failedFiles.join(", ") : null, equivalent: plant.equivalent }];
}

function main() {
  const args = process.argv.slice(2);
  const all = { routes: ROUTES, lifecycle: LIFECYCLE };
  // Arguments: a group's name, or any words of a planted bug's description (to run just those).
  const named = args.filter((a) => a in all) as (keyof typeof all)[];
  const words = args.filter((a) => !(a in all));
  const pick = (plants: Plant[]) => plants.filter((p) => !words.length || words.some((w) => p.bug.includes(w)));
  const groups = { routes: pick(ROUTES), lifecycle: pick(LIFECYCLE) };
  const chosen = named.length ? named : (Object.keys(groups) as (keyof typeof groups)[]).filter((g) => groups[g].length);

  // The tests must pass as they stand, or a failure under a planted bug proves nothing.
  const files = [...new Set(chosen.flatMap((g) => groups[g].flatMap((p) => p.tests)))];
  const baseline = vitest(files);
  if (baseline.numFailedTests !== 0) {
    console.error(`The tests fail without any planted bug (${files.join(", ")}): fix them first.`);
    process.exit(2);
  }

  const rows: Row[] = [];
  for (const g of chosen) {
    for (const plant of groups[g]) {
      const started = Date.now();
      const got = run(plant);
      rows.push(...got);
      for (const r of got) console.error(`${r.caughtBy ? "caught" : r.equivalent ? "equivalent" : "MISSED"}  ${r.bug}  (${Math.round((Date.now() - started) / 1000)}s)`);
    }
  }

  console.log("\n| planted bug | file:line | caught by |\n|---|---|---|");
  for (const r of rows) console.log(`| ${r.bug} | ${r.where} | ${r.caughtBy ?? (r.equivalent ? `not caught, judged equivalent: ${r.equivalent}` : "**MISSED**")} |`);
  const caught = rows.filter((r) => r.caughtBy).length;
  const equivalent = rows.filter((r) => !r.caughtBy && r.equivalent).length;
  const missed = rows.length - caught - equivalent;
  console.log(`\n${caught} of ${rows.length} planted bugs caught${equivalent ? `, ${equivalent} judged equivalent` : ""}${missed ? `, ${missed} MISSED` : ""}.`);
  process.exit(missed ? 1 : 0);
}

main();
