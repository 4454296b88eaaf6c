/**
 * Single sign-on policy, pure: what an ID token's claims say about a person, which roles their
 * groups give them, and who may still use a password. The protocol itself (state, nonce,
 * PKCE, the issuer and the signature) is checked by openid-client in sso.server.ts.
 * Decision record: docs/decisions (single sign-on).
 */
import { ROLES, STAFF_ROLES, type Role } from "./roles";
import type { Settings } from "~/lib/settings";

export type SsoIdentity = {
  issuer: string;
  subject: string;
  /** lower-cased; from `email`, or Entra ID's `preferred_username` when it is an address */
  email: string | null;
  /** the provider says it checked the address (`email_verified: true`; Google sends it, Entra ID does not) */
  emailVerified: boolean;
  name: string | null;
  groups: string[];
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** The person as the validated ID token describes them. */
export function identityFromClaims(claims: Record<string, unknown>, groupsClaim: string): SsoIdentity | null {
  const issuer = text(claims.iss);
  const subject = text(claims.sub);
  if (!issuer || !subject) return null;
  const address = [text(claims.email), text(claims.preferred_username)].find((v) => v && EMAIL.test(v)) ?? null;
  const rawGroups = claims[groupsClaim];
  const groups = (Array.isArray(rawGroups) ? rawGroups : typeof rawGroups === "string" ? [rawGroups] : []).filter((g): g is string => typeof g === "string");
  const given = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(" ");
  return {
    issuer,
    subject,
    email: address ? address.toLowerCase() : null,
    emailVerified: claims.email_verified === true && text(claims.email)?.toLowerCase() === address?.toLowerCase(),
    name: text(claims.name) ?? (given || null),
    groups,
  };
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/** An address in one of the council's own domains (exact match: a subdomain is not the domain). */
export function inAllowedDomain(email: string | null, allowedDomains: readonly string[]): boolean {
  if (!email) return false;
  const domain = emailDomain(email);
  return allowedDomains.some((d) => d.toLowerCase() === domain);
}

/**
 * May this identity's email address be trusted to match an invited account? When the provider
 * vouches for it, or when it is in a domain the council controls (in its own Entra ID tenant,
 * only the council's admins can give out those addresses).
 */
export function emailTrusted(identity: SsoIdentity, settings: Settings): boolean {
  return Boolean(identity.email) && (identity.emailVerified || inAllowedDomain(identity.email, settings.signIn.sso.allowedDomains));
}

/** Staff roles the person's groups give them (union reps are not in the council's directory). */
export function rolesFromGroups(groups: readonly string[], mapping: Settings["signIn"]["sso"]["groupRoles"]): Role[] {
  const held = new Set(groups.map((g) => g.trim().toLowerCase()));
  const roles = new Set(mapping.filter((m) => held.has(m.group.trim().toLowerCase())).map((m) => m.role));
  return ROLES.filter((r) => roles.has(r) && r !== "union_rep");
}

/** True when groups decide staff roles: any mapping set. */
export function groupsDecideRoles(settings: Settings): boolean {
  return settings.signIn.sso.groupRoles.length > 0;
}

/** The roles after a sign-in through the provider: staff roles from groups, a rep role kept. */
export function syncedRoles(current: readonly Role[], fromGroups: readonly Role[]): Role[] {
  return ROLES.filter((r) => (r === "union_rep" ? current.includes(r) : fromGroups.includes(r)));
}

export function isStaffRole(role: Role): boolean {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

/**
 * May this person sign in with a password? Always, unless single sign-on is configured and the
 * council has switched local passwords off; even then a union representative with no staff
 * role may, since reps are often not in the council's directory.
 */
export function passwordSignInAllowed(roles: readonly Role[], settings: Settings, ssoConfigured: boolean): boolean {
  if (!ssoConfigured || settings.signIn.localPasswords) return true;
  return !roles.some(isStaffRole);
}
