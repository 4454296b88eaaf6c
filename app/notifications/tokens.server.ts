/** Random tokens for links in emails. Only a token's SHA-256 is stored where it grants access. */
import { createHash, randomBytes } from "node:crypto";

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token as it can appear in a link: anything else is refused before touching the database. */
export function isTokenShaped(value: string | undefined): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{32,64}$/.test(value);
}
