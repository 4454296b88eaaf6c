/** The scan of a paper response: staff of the service only, always as a download, never cached. */
import fs from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/session.server";
import { canEditProposal } from "~/proposals/lifecycle";
import { notFound, requireVisibleProposalById } from "~/proposals/proposals.server";
import { SCAN_TYPES, scanFile } from "~/responses/answers.server";
import { parseId } from "~/responses/rules";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "proposal:edit");
  const proposal = requireVisibleProposalById(viewer, parseId(params.id) ?? 0);
  if (!canEditProposal(viewer, proposal)) throw notFound();
  const responseId = parseId(params.responseId);
  const scan = responseId == null ? null : scanFile(proposal.id, responseId);
  if (!scan) throw notFound();
  return new Response(fs.readFileSync(scan.file), {
    headers: {
      "Content-Type": scan.type,
      "Content-Disposition": `attachment; filename="response-${responseId}.${SCAN_TYPES[scan.type]}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
