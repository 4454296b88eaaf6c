/**
 * Single sign-on policy as rules: what the claims say about a person, when their address can be
 * trusted to match an invitation, which roles their groups give, and who keeps a password.
 */
import { describe, expect, it } from "vitest";
import { emailTrusted, identityFromClaims, passwordSignInAllowed, rolesFromGroups, syncedRoles } from "~/auth/sso-rules";
import { DEFAULT_SETTINGS, type Settings } from "~/lib/settings";

const ISS = "https://login.microsoftonline.com/tenant/v2.0";
const withSso = (sso: Partial<Settings["signIn"]["sso"]>, localPasswords = true): Settings => ({ ...DEFAULT_SETTINGS, signIn: { ...DEFAULT_SETTINGS.signIn, localPasswords, sso: { ...DEFAULT_SETTINGS.signIn.sso, ...sso } } });

describe("the person the claims describe", () => {
  it("Google Workspace: a verified email", () => {
    expect(identityFromClaims({ iss: "https://accounts.google.com", sub: "1", email: "A.Person@Council.gov.uk", email_verified: true, name: "A Person", hd: "council.gov.uk" }, "groups")).toEqual({
      issuer: "https://accounts.google.com",
      subject: "1",
      email: "a.person@council.gov.uk",
      emailVerified: true,
      name: "A Person",
      groups: [],
    });
  });
  it("Microsoft Entra ID: no email_verified, the address in preferred_username, groups as ids", () => {
    expect(identityFromClaims({ iss: ISS, sub: "x", preferred_username: "b.person@council.gov.uk", groups: ["g1", 7, "g2"], given_name: "B", family_name: "Person" }, "groups")).toMatchObject({
      email: "b.person@council.gov.uk",
      emailVerified: false,
      name: "B Person",
      groups: ["g1", "g2"],
    });
  });
  it("a user principal name that is not an address is no address; no subject is no identity", () => {
    expect(identityFromClaims({ iss: ISS, sub: "x", preferred_username: "DOMAIN\\bperson" }, "groups")?.email).toBeNull();
    expect(identityFromClaims({ iss: ISS, email: "a@b.example" }, "groups")).toBeNull();
  });
  it("email_verified vouches only for the email claim it came with", () => {
    expect(identityFromClaims({ iss: ISS, sub: "x", preferred_username: "c@council.gov.uk", email_verified: true }, "groups")?.emailVerified).toBe(false);
  });
});

describe("trusting an address to match an invitation", () => {
  const id = (email: string, emailVerified: boolean) => ({ issuer: ISS, subject: "s", email, emailVerified, name: null, groups: [] });
  it("when the provider vouches for it, or it is in the council's own domains (exactly)", () => {
    expect(emailTrusted(id("a@anywhere.example", true), withSso({}))).toBe(true);
    expect(emailTrusted(id("a@council.gov.uk", false), withSso({ allowedDomains: ["council.gov.uk"] }))).toBe(true);
    expect(emailTrusted(id("a@evil.council.gov.uk", false), withSso({ allowedDomains: ["council.gov.uk"] }))).toBe(false);
    expect(emailTrusted(id("a@council.gov.uk", false), withSso({}))).toBe(false);
  });
});

describe("roles from groups", () => {
  const mapping = [
    { group: "Planning Officers", role: "officer" as const },
    { group: "5f1c-approvers", role: "approver" as const },
    { group: "5f1c-approvers", role: "officer" as const },
  ];
  it("gives every role any of the person's groups maps to, matching names without regard to case", () => {
    expect(rolesFromGroups(["planning officers"], mapping)).toEqual(["officer"]);
    expect(rolesFromGroups(["5f1c-approvers", "other"], mapping)).toEqual(["officer", "approver"]);
    expect(rolesFromGroups([], mapping)).toEqual([]);
  });
  it("keeps a union rep's role, which the council's directory does not hold", () => {
    expect(syncedRoles(["union_rep", "officer"], ["approver"])).toEqual(["approver", "union_rep"]);
    expect(syncedRoles(["officer"], [])).toEqual([]);
  });
});

describe("who may sign in with a password", () => {
  it("everyone, unless single sign-on is set up and passwords are off; reps with no staff role always", () => {
    expect(passwordSignInAllowed(["officer"], withSso({}, false), false)).toBe(true);
    expect(passwordSignInAllowed(["officer"], withSso({}, true), true)).toBe(true);
    expect(passwordSignInAllowed(["officer"], withSso({}, false), true)).toBe(false);
    expect(passwordSignInAllowed(["union_rep"], withSso({}, false), true)).toBe(true);
    expect(passwordSignInAllowed(["union_rep", "moderator"], withSso({}, false), true)).toBe(false);
  });
});
