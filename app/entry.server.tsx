/**
 * Server rendering with a per-request CSP nonce (docs/decisions/004-content-security-policy.md):
 * server/app.ts makes the nonce, sends it in the Content-Security-Policy header and passes it
 * here through the load context; every inline script Remix or React writes carries it.
 */
import { PassThrough } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";

const ABORT_DELAY = 5_000;

/**
 * What Remix logs. A client's mistake (a POST to a page without a form, an address that does
 * not exist, a request the client gave up on) is answered with its 4xx and not logged with a
 * stack; only the server's own failures are.
 */
export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  if (error instanceof Response && error.status < 500) return;
  console.error(error);
}

/**
 * A form posted without JavaScript whose action refused it (4xx, the page shown again with its
 * error summary): meta() cannot see the action's answer, so the root's data carries the mark
 * that pageTitle() turns into "Error: " at the start of the title, on every form alike. With
 * JavaScript the post is a data request and useErrorTitle() does the same in the browser.
 */
function markRefusedForm(request: Request, status: number, remixContext: EntryContext) {
  const handled = remixContext.staticHandlerContext;
  if (request.method !== "POST" || status < 400 || status >= 500 || !handled.actionData || handled.errors) return;
  const root = handled.loaderData.root as Record<string, unknown> | undefined;
  if (root) handled.loaderData.root = { ...root, formError: true };
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  markRefusedForm(request, responseStatusCode, remixContext);
  // Crawlers and no-JS clients get the whole page at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged; before it they reject above.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
