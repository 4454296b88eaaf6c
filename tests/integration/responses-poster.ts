/**
 * Run by comments-concurrency.test.ts as a separate process, as a second server process would
 * be: waits for the agreed moment, then posts its comments through the comments module on its
 * own database connection, and prints what happened as JSON.
 */
export {};

const { postComment } = await import("~/responses/comments.server");

type Job = { proposalId: number; startAt: number; posts: { respondentId: number; body: string }[] };
const job = JSON.parse(process.argv[2]) as Job;

while (Date.now() < job.startAt) await new Promise((r) => setTimeout(r, 5));
const results = job.posts.map((p, i) =>
  postComment({ proposal: { id: job.proposalId }, author: { kind: "respondent", respondentId: p.respondentId }, body: p.body, address: `${process.pid}-${i}` }),
);
process.stdout.write(JSON.stringify(results));
