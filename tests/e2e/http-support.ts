/**
 * Plain HTTP against a real server, for the attacks a browser would not make: exact headers,
 * malformed bodies, streamed bodies of any size. Cookies are carried by hand.
 */
import http from "node:http";
import net from "node:net";
import { Readable } from "node:stream";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

export type RawRequest = {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string | Readable;
  cookie?: string;
  /** fail (rather than wait for ever) when no complete answer has arrived in this time */
  timeoutMs?: number;
};

export function raw(url: string, request: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...(request.headers ?? {}) };
    if (request.cookie) headers.Cookie = request.cookie;
    if (typeof request.body === "string" || Buffer.isBuffer(request.body)) headers["Content-Length"] ??= String(Buffer.byteLength(request.body));
    let status: number | undefined;
    const timer = request.timeoutMs
      ? setTimeout(() => {
          req.destroy();
          if (request.body instanceof Readable) request.body.destroy();
          reject(new Error(`no complete answer in ${request.timeoutMs} ms (${status === undefined ? "no status line" : `status ${status}, body unfinished`})`));
        }, request.timeoutMs)
      : undefined;
    const req = http.request(url, { method: request.method ?? "GET", headers, agent: false }, (res) => {
      status = res.statusCode;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") });
      });
      res.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    // A server that answers before the body is sent and closes the connection is not a failure
    // of the request: the answer is what the test reads.
    req.on("error", (error) => {
      if ((error as NodeJS.ErrnoException).code === "EPIPE" || (error as NodeJS.ErrnoException).code === "ECONNRESET") return;
      clearTimeout(timer);
      reject(error);
    });
    // A connection reset before any answer arrived is a failure, not a wait for ever.
    req.on("close", () => {
      if (status !== undefined) return;
      clearTimeout(timer);
      reject(new Error("the connection closed with no answer"));
    });
    if (request.body instanceof Readable) request.body.pipe(req);
    else req.end(request.body);
  });
}

/**
 * Bytes written to the server's socket as they are, for requests no HTTP client would send
 * (broken chunked encoding, a Content-Length the body does not match, oversized headers); the
 * status of the answer, read from its status line as soon as it arrives. `halfClose` ends our
 * side after writing, as a client that gives up mid-body does. Rejects, naming what it saw,
 * when the connection closes with no status line or none arrives within `timeoutMs`.
 */
export function rawSocket(url: string, bytes: Buffer | string, options: { halfClose?: boolean; timeoutMs: number }): Promise<{ status: number; head: string; ms: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(Number(port), hostname);
    let received = "";
    const settle = (error: Error | null) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) return reject(error);
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(received)![1]), head: received.split("\r\n\r\n")[0], ms: Date.now() - started });
    };
    const timer = setTimeout(() => settle(new Error(`no answer in ${options.timeoutMs} ms (received ${JSON.stringify(received.slice(0, 60))})`)), options.timeoutMs);
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
      if (/^HTTP\/1\.[01] \d{3}[^\r\n]*\r\n/.test(received)) settle(null);
    });
    socket.on("error", () => undefined);
    socket.on("close", () => settle(new Error(`the connection closed with no answer (received ${JSON.stringify(received.slice(0, 60))})`)));
    socket.write(bytes);
    if (options.halfClose) socket.end();
  });
}

/** The cookie pairs a response sets, ready for a Cookie header. */
export function cookiesFrom(response: RawResponse, existing = ""): string {
  const jar = new Map(existing.split(/;\s*/).filter(Boolean).map((pair) => [pair.split("=")[0], pair] as const));
  for (const line of response.headers["set-cookie"] ?? []) {
    const pair = line.split(";")[0];
    const [name, value] = [pair.split("=")[0], pair.slice(pair.indexOf("=") + 1)];
    if (value === "") jar.delete(name);
    else jar.set(name, pair);
  }
  return [...jar.values()].join("; ");
}

export function form(fields: Record<string, string>): { headers: Record<string, string>; body: string } {
  return { headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() };
}

/** Sign in as a member of staff through the real form; the session cookie. */
export async function staffCookie(base: string, email: string, password: string): Promise<string> {
  const response = await raw(`${base}/staff/sign-in`, { method: "POST", ...form({ email, password }) });
  if (response.status !== 302 && response.status !== 303) throw new Error(`sign-in as ${email} answered ${response.status}: ${response.body.slice(0, 300)}`);
  return cookiesFrom(response);
}

/**
 * A resident's session, the way a resident gets one: ask for a link, read it in the demo inbox
 * (as the admin), follow it and press Continue.
 */
export async function respondentCookie(base: string, email: string, adminCookie: string): Promise<string> {
  const asked = await raw(`${base}/respondents/sign-in`, { method: "POST", ...form({ email, redirectTo: "/consultations" }) });
  if (asked.status !== 200) throw new Error(`asking for a link answered ${asked.status}`);
  for (let attempt = 0; attempt < 50; attempt++) {
    const inbox = await raw(`${base}/staff/admin/inbox`, { cookie: adminCookie });
    const ids = [...inbox.body.matchAll(/href="\/staff\/admin\/inbox\/(\d+)"/g)].map((m) => Number(m[1]));
    for (const id of ids.sort((a, b) => b - a)) {
      const message = await raw(`${base}/staff/admin/inbox/${id}`, { cookie: adminCookie });
      if (!message.body.includes(email)) continue;
      const token = /\/verify\/([A-Za-z0-9_-]{43})/.exec(message.body)?.[1];
      if (!token) continue;
      const used = await raw(`${base}/verify/${token}`, { method: "POST", ...form({}) });
      const cookie = cookiesFrom(used);
      if (cookie.includes("__plainsight_respondent")) return cookie;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no sign-in link reached the demo inbox for ${email}`);
}
