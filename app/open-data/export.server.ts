/**
 * A CSV download: checks the request, picks the consultation (through the visibility
 * predicate: a hidden one is the same 404 as a missing one) and streams the dataset.
 */
import { CACHE_CONTROL, CORS_HEADERS, ApiError } from "./http.server";
import { requirePublicConsultation } from "./consultations.server";
import { csvStream, type FlowControl } from "./csv.server";
import { DATASETS, datasetRows, type DatasetName } from "./datasets.server";
import { findDataset } from "./datasets";
import { checkParameters, isSlug } from "./params";

/** What the server passes in the load context so a stream waits for a slow client (server/app.ts). */
export type StreamContext = { flowControl?: FlowControl["ready"] };

export function csvResponse(request: Request, name: string, url: (path: string) => string, context: unknown): Response {
  const dataset = findDataset(name);
  if (!dataset) throw new ApiError(404, `There is no dataset called "${name.slice(0, 40)}". The datasets are: ${DATASETS.map((d) => `${d.name}.csv`).join(", ")}.`);
  const params = new URL(request.url).searchParams;
  checkParameters(params, ["consultation"]);
  const slug = params.get("consultation");
  const proposal = slug == null ? undefined : requirePublicConsultation(isSlug(slug) ? slug : "");
  const filename = proposal ? `${proposal.slug}-${dataset.name}.csv` : `${dataset.name}.csv`;
  const headers = new Headers({
    ...CORS_HEADERS,
    "Content-Type": "text/csv; charset=utf-8; header=present",
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": CACHE_CONTROL,
  });
  // A HEAD request gets the headers alone: never run the whole export to throw it away.
  if (request.method === "HEAD") return new Response(null, { status: 200, headers });
  const rows = datasetRows(dataset.name as DatasetName, { proposal }, url);
  const ready = (context as StreamContext | null)?.flowControl;
  const body = csvStream(
    dataset.columns.map((c) => c.name),
    rows,
    { ready, signal: request.signal },
  );
  return new Response(body, { status: 200, headers });
}
