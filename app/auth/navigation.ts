/**
 * The staff area's sections, by what the signed-in person may do. Pure: the header shows
 * exactly these, and every page checks its own permission on the server regardless.
 */
import type { Role } from "#db/schema";
import { can, type Action } from "./permissions";

/**
 * `key`: a section that is not part of the English-only staff area (a union rep's notices) has
 * its name in the catalogue, so it follows the page's language.
 */
type Section = { href: string; text: string; key?: "repPages.nav.notices" };

const SECTIONS: (Section & { action: Action })[] = [
  { href: "/staff", text: "Proposals", action: "proposal:view-staff" },
  { href: "/staff/search", text: "Search", action: "proposal:view-staff" },
  { href: "/staff/notices", text: "Union notices", action: "proposal:edit" },
  { href: "/staff/responses", text: "Offline responses", action: "proposal:edit" },
  { href: "/staff/challenges", text: "Challenges", action: "proposal:view-staff" },
  { href: "/staff/formats", text: "Other formats", action: "proposal:edit" },
  { href: "/staff/moderation", text: "Moderation", action: "comment:moderate" },
  { href: "/staff/admin", text: "Admin", action: "admin:manage" },
  { href: "/notices", text: "Your union notices", key: "repPages.nav.notices", action: "notice:view" },
];

export function staffSections(roles: readonly Role[]): Section[] {
  const viewer = { id: 0, name: "", email: "", roles: [...roles], serviceId: null, unionIds: [] };
  return SECTIONS.filter((s) => can(viewer, s.action)).map(({ action: _action, ...section }) => section);
}
