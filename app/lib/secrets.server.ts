/**
 * The keys: the cookie secret (SESSION_SECRET) and the audit log's HMAC key (AUDIT_KEY).
 *
 * A real deployment sets both in the environment (env.server.ts refuses to start without
 * them). The demo and development keep generated ones in the data folder beside the database
 * (`plainsight-secrets.json`, readable by its owner only), so a restart does not sign anyone
 * out and the audit chain stays verifiable across restarts.
 */
import { createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "./env.server";

type Stored = { sessionSecret: string; auditKey: string };

let stored: Stored | undefined;

export const SECRETS_FILE = "plainsight-secrets.json";

function generated(): Stored {
  return { sessionSecret: randomBytes(32).toString("hex"), auditKey: randomBytes(32).toString("hex") };
}

/** The file beside the database, created once; two processes starting together agree on it. */
function fromDataFolder(): Stored {
  if (stored) return stored;
  const database = env().DATABASE_PATH;
  if (database === ":memory:") return (stored = generated());
  const file = path.join(path.dirname(path.resolve(database)), SECRETS_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, JSON.stringify(generated(), null, 2), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Stored>;
  if (typeof parsed.sessionSecret !== "string" || typeof parsed.auditKey !== "string") {
    throw new Error(`${file} is not a Plainsight secrets file: remove it to make new keys (this signs everyone out)`);
  }
  return (stored = { sessionSecret: parsed.sessionSecret, auditKey: parsed.auditKey });
}

export function sessionSecret(): string {
  return env().SESSION_SECRET ?? fromDataFolder().sessionSecret;
}

export function auditKey(): string {
  return env().AUDIT_KEY ?? fromDataFolder().auditKey;
}

/**
 * A key for one purpose derived from the cookie secret, so that (for example) hashing client
 * addresses for rate limits never uses the cookie-signing key itself.
 */
export function derivedKey(purpose: string): Buffer {
  return createHmac("sha256", sessionSecret()).update(`plainsight:${purpose}`).digest();
}

/** Tests that change DATABASE_PATH between cases start again. */
export function resetSecretsForTests() {
  stored = undefined;
}
