import { describe, expect, it } from "vitest";
import { staffSections } from "~/auth/navigation";
import { landingPage } from "~/auth/permissions";

const texts = (roles: Parameters<typeof staffSections>[0]) => staffSections(roles).map((s) => s.text);

describe("the staff area shows each person the sections they can use", () => {
  it("an officer drafts, follows union notices, enters offline responses, answers challenges and works requests for other formats", () => {
    expect(texts(["officer"])).toEqual(["Proposals", "Search", "Union notices", "Offline responses", "Challenges", "Other formats"]);
  });
  it("a moderator sees proposals, challenges and the moderation queue, not admin", () => {
    expect(texts(["moderator"])).toEqual(["Proposals", "Search", "Challenges", "Moderation"]);
  });
  it("a union rep sees only their notices", () => {
    expect(texts(["union_rep"])).toEqual(["Your union notices"]);
  });
  it("an admin sees the admin pages", () => {
    expect(texts(["admin"])).toContain("Admin");
  });
  it("a signed-in person with no role sees nothing", () => {
    expect(texts([])).toEqual([]);
  });
});

describe("where people land after signing in", () => {
  it("staff go to the staff area, reps to their notices", () => {
    expect(landingPage(["approver"])).toBe("/staff");
    expect(landingPage(["union_rep"])).toBe("/notices");
    expect(landingPage(["officer", "union_rep"])).toBe("/staff");
  });
});
