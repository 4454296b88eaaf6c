/**
 * `npm run create-admin -- --email a@council.gov.uk --name "A Person"`: the first admin of a
 * real deployment (demo accounts exist only in demo mode). The password comes from
 * ADMIN_PASSWORD or a hidden prompt, never from the command line, where shell history and
 * `ps` would keep it.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { z } from "zod";
import * as t from "#db/schema";
import { db, migrateDatabase, writeTransaction } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import { hashPassword } from "~/auth/password.server";
import { normaliseEmail } from "~/auth/sign-in.server";

const MIN_PASSWORD_LENGTH = 12;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.some((a) => a === "--password" || a.startsWith("--password="))) {
    fail("Do not put the password on the command line. Set ADMIN_PASSWORD or run in a terminal to be asked for it.");
  }
  let values: { email?: string; name?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { email: { type: "string" }, name: { type: "string" } }, strict: true }));
  } catch (error) {
    fail(`${(error as Error).message}\nUsage: npm run create-admin -- --email <email> --name "<full name>"`);
  }

  const email = z.email().safeParse(normaliseEmail(values.email ?? ""));
  if (!email.success) fail("Give the admin's email address with --email, like --email name@council.gov.uk");
  const name = (values.name ?? "").trim();
  if (!name) fail('Give the admin\'s full name with --name, like --name "Sam Patel"');

  const password = process.env.ADMIN_PASSWORD ?? (await askPassword());
  if (password.length < MIN_PASSWORD_LENGTH) fail(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`);

  const database = db();
  migrateDatabase(database);
  const passwordHash = await hashPassword(password);

  const userId = writeTransaction((tx) => {
    const existing = tx.select({ id: t.users.id }).from(t.users).where(sql`lower(${t.users.email}) = ${email.data}`).get();
    if (existing) return null;
    const user = tx.insert(t.users).values({ email: email.data, name, passwordHash }).returning({ id: t.users.id }).get();
    tx.insert(t.userRoles).values({ userId: user.id, role: "admin" }).run();
    appendAudit(tx, { actorId: null, action: "user.create_admin", entityType: "user", entityId: user.id, detail: { roles: ["admin"], via: "scripts/create-admin.ts" } });
    return user.id;
  }, database);
  if (userId === null) fail(`A user with the email ${email.data} already exists. Nothing was changed.`);

  console.log(`Admin account created for ${email.data} (user ${userId}); sign in at /staff/sign-in.`);
}

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) fail("Set ADMIN_PASSWORD, or run this in a terminal to be asked for the password.");
  const first = await promptHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const second = await promptHidden("Password again: ");
  if (first !== second) fail("The two passwords do not match.");
  return first;
}

/** Read a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve) => {
    let value = "";
    const finish = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          finish();
          resolve(value);
          return;
        }
        if (ch === "\u0003" || ch === "\u0004") {
          finish();
          fail("Cancelled.");
        }
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

await main();
