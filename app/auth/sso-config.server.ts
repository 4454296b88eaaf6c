/**
 * Whether single sign-on is configured, and with which provider. The connection (issuer,
 * client id and secret) is deployment configuration in the environment, kept out of the
 * settings table that admins edit and the audit log records; who may sign in through it, and
 * which groups give which roles, are settings (docs/decisions: single sign-on).
 */
import { env } from "~/lib/env.server";

export type SsoProvider = { issuer: string; clientId: string; clientSecret: string; label: string };

export function ssoProvider(): SsoProvider | null {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, label: e.OIDC_LABEL };
}
