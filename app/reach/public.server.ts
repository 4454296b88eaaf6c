/**
 * What the public reach pages (easy read, the paper pack, asking for another format) load: the
 * consultation through the visibility predicate, so a draft, a proposal under union notice or a
 * scheduled one answers exactly the 404 of an address that never existed.
 */
import { getViewer } from "~/auth/session.server";
import type { Viewer } from "~/auth/permissions";
import { notFound, requireVisibleProposal } from "~/proposals/proposals.server";
import type { Proposal } from "~/proposals/types";
import { isPublic } from "~/proposals/visibility";

export type PublicConsultation = { viewer: Viewer; proposal: Proposal; isPublic: boolean };

/** As the consultation page: anyone may see a published one; staff who may see it, before. */
export async function consultationFor(request: Request, slug: string | undefined): Promise<PublicConsultation> {
  const viewer = await getViewer(request);
  const proposal = requireVisibleProposal(viewer, slug ?? "");
  return { viewer, proposal, isPublic: isPublic(proposal) };
}

/** Published consultations only, for everyone (a form the public fills in). */
export async function publishedConsultationFor(request: Request, slug: string | undefined): Promise<PublicConsultation> {
  const found = await consultationFor(request, slug);
  if (!found.isPublic) throw notFound();
  return found;
}

export { consultationPath } from "./paths";
