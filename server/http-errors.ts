/**
 * The server's one mapping from a bad request to its answer. Every check in front of Remix
 * (method, origin, content type, body size and shape) throws or passes a RequestError; the
 * error handler at the end of the chain answers it with the site's error page or JSON, as the
 * request prefers, and writes no stack trace: a client's mistake is not the server's failure.
 */
import type { Socket } from "node:net";
import type express from "express";

export class RequestError extends Error {
  constructor(
    readonly status: number,
    /** a sentence a person can act on */
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "RequestError";
  }
}

const TITLES: Record<number, string> = {
  400: "There is a problem with what was sent",
  403: "You cannot do this from another website",
  404: "Page not found",
  405: "This address does not accept that kind of request",
  408: "The request took too long to arrive",
  411: "The request did not say how long it is",
  413: "What was sent is too large",
  415: "This address does not accept that kind of content",
  429: "Too many requests",
  431: "The request's headers are too large",
  500: "Sorry, there is a problem with the service",
};

export function titleFor(status: number): string {
  return TITLES[status] ?? (status >= 500 ? TITLES[500] : TITLES[400]);
}

/** Errors raised by Node, Express or a body parser that are the client's doing, as a status. */
function clientStatusOf(error: unknown): number | null {
  if (error instanceof RequestError) return error.status;
  const e = error as { status?: unknown; statusCode?: unknown; type?: unknown; code?: unknown } | null;
  const status = typeof e?.status === "number" ? e.status : typeof e?.statusCode === "number" ? e.statusCode : null;
  if (status && status >= 400 && status < 500) return status;
  // URIError from decodeURIComponent on a malformed address
  if (error instanceof URIError) return 400;
  if (e?.code === "ECONNRESET" || e?.code === "ERR_STREAM_PREMATURE_CLOSE") return 400;
  return null;
}

export type ErrorPageRenderer = (status: number, title: string, detail: string) => string;

/**
 * A body left unread when the answer goes out (a 413, a 415, a 403 before the body was read):
 * the connection is closed the way a careful server closes it ("lingering close", as nginx
 * does). Node on its own ends the connection with the answer and destroys the socket at once
 * (`destroySoon`), and closing a socket with unread data in it sends a reset, which makes the
 * client's system throw away the answer it has received but not yet read: the client then sees
 * a broken connection and no answer at all (issue 8: about 1 in 20 oversize posts; a client
 * that ignored the reset waited for ever). So instead the answer is followed by the end of our
 * side only, and what the client is still sending is read and discarded until it stops (the end
 * of its body, or its own close), goes quiet, or passes a bound in bytes or time; only then is
 * the socket destroyed. Nothing read is kept.
 */
export const DRAIN = { idleMs: 2_000, ms: 10_000, bytes: 64 * 1024 * 1024 };

function closeAfterAnswer(req: express.Request, res: express.Response) {
  const socket = req.socket as Socket & { destroySoon?: () => void };
  let lingering = false;
  const linger = () => {
    if (lingering || socket.destroyed) return;
    lingering = true;
    let drained = 0;
    const close = () => {
      clearTimeout(idle);
      clearTimeout(cap);
      socket.destroy();
    };
    const idle = setTimeout(close, DRAIN.idleMs);
    const cap = setTimeout(close, DRAIN.ms);
    idle.unref();
    cap.unref();
    // The answer, then our end of the stream: the client has all of it before anything else.
    socket.end();
    req.on("data", (chunk: Buffer) => {
      drained += chunk.length;
      idle.refresh();
      if (drained > DRAIN.bytes) close();
    });
    req.once("end", close);
    req.once("close", close);
    socket.once("close", close);
    req.resume();
  };
  // Node calls destroySoon once the answer is written (it has marked the connection to close).
  socket.destroySoon = linger;
  res.once("finish", linger);
}

/** The JSON or HTML answer for a status; the request's Accept header decides which. */
export function sendError(req: express.Request, res: express.Response, status: number, detail: string, renderPage: ErrorPageRenderer, headers: Record<string, string> = {}) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const title = titleFor(status);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (!req.complete) closeAfterAnswer(req, res);
  res.setHeader("Cache-Control", "no-store");
  res.status(status);
  const wantsJson = req.accepts(["html", "json"]) === "json" || /\.data$/.test(req.path) || req.path.startsWith("/api/");
  if (wantsJson) {
    res.type("application/json").send(JSON.stringify({ error: { status, title, detail } }));
  } else {
    res.type("text/html").send(renderPage(status, title, detail));
  }
}

/**
 * The last handler in the chain. Client errors: the mapped status and a sentence, no log line
 * with a stack. Anything else: 500, and the error logged once (that one is the server's fault).
 */
export function errorHandler(renderPage: ErrorPageRenderer): express.ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = clientStatusOf(error);
    if (status) {
      const detail = error instanceof RequestError ? error.detail : "The request could not be read.";
      const headers = error instanceof RequestError ? error.headers : {};
      sendError(req, res, status, detail, renderPage, headers);
      return;
    }
    console.error(`500 ${req.method} ${req.path}:`, error);
    sendError(req, res, 500, "Try again later.", renderPage);
  };
}
