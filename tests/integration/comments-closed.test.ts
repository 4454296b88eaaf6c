/**
 * Closed and withdrawn consultations stop inviting comments and responses: the consultation page,
 * its threads and the respond page carry no form and no "sign in to comment", only a plain
 * sentence why (the words differ for a withdrawn proposal); a comment posted anyway is refused
 * with the same sentence. Through the real route modules on the demo council.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/i18n";
import { setClock } from "~/lib/clock";
import { applyTransition } from "~/proposals/lifecycle.server";
import { loader as consultationLoader } from "~/routes/consultations.$slug";
import { action as commentAction, loader as threadLoader } from "~/routes/consultations.$slug_.comments._index";
import { loader as respondLoader } from "~/routes/consultations.$slug_.respond";
import { get, post, proposal, run, seedCouncil, viewerFor } from "../fixtures/notifications-council";

const CLOSED = "This consultation has closed. The council is no longer taking comments.";
const WITHDRAWN = "The council withdrew this proposal, so it is no longer taking responses or comments.";
/** The respond page's sentence as an English reader sees it (the loader gives the catalogue's key). */
const english = (respond: unknown) => translator("en")((respond as { message: string }).message as "respond.closedMessage");

type Form = { mode: string; closedMessage: string | null };

async function pages(slug: string) {
  const args = (path: string) => ({ request: get(path), params: { slug }, context: {} });
  const page = (await run(() => consultationLoader(args(`/consultations/${slug}`)))).value as { responses: { accepting: boolean; form: Form } };
  const thread = (await run(() => threadLoader(args(`/consultations/${slug}/comments`)))).value as { form: Form };
  const respond = (await run(() => respondLoader(args(`/consultations/${slug}/respond`)))).value as { kind: string; message: string };
  return { page, thread, respond };
}

beforeAll(seedCouncil, 60_000);
afterAll(() => setClock(null));

describe("comments stop when a consultation stops", () => {
  it("open: the forms are offered, with no sentence about closing", async () => {
    const { page, thread } = await pages("camhs-social-work");
    expect(page.responses.accepting).toBe(true);
    expect(page.responses.form).toMatchObject({ mode: "sign-in", closedMessage: null });
    expect(thread.form).toMatchObject({ mode: "sign-in", closedMessage: null });
  });

  it("closed: no form, no sign-in prompt, and the sentence why", async () => {
    expect(proposal("allotment-rents").state).toBe("closed");
    const { page, thread, respond } = await pages("allotment-rents");
    expect(page.responses.accepting).toBe(false);
    expect(page.responses.form).toMatchObject({ mode: "closed", closedMessage: CLOSED });
    expect(thread.form).toMatchObject({ mode: "closed", closedMessage: CLOSED });
    expect(respond).toMatchObject({ kind: "closed" });
    expect(english(respond)).toBe("This consultation has closed. The council is no longer taking responses or comments.");
  });

  it("withdrawn after opening: the same, saying it was withdrawn; a comment posted anyway is refused with that sentence", async () => {
    const camhs = proposal("camhs-social-work");
    const officer = await viewerFor("officer@northmoor.example");
    expect(applyTransition("withdraw", camhs.id, { kind: "person", viewer: officer }, { reason: "The council has found the savings elsewhere and will keep the social work team." }).ok).toBe(true);
    const { page, thread, respond } = await pages(camhs.slug);
    expect(page.responses.form).toMatchObject({ mode: "closed", closedMessage: WITHDRAWN });
    expect(thread.form).toMatchObject({ mode: "closed", closedMessage: WITHDRAWN });
    expect(respond).toMatchObject({ kind: "closed" });
    expect(english(respond)).toBe(WITHDRAWN);
    const posted = await run(() => commentAction({ request: post(`/consultations/${camhs.slug}/comments`, { body: "Keep the social workers." }), params: { slug: camhs.slug }, context: {} }));
    expect(posted.status).toBe(409);
    expect(JSON.stringify(posted.value)).toContain(WITHDRAWN);
  });
});
