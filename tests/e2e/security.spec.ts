/**
 * Through the real server (this file's own): the security headers and the nonce-based Content
 * Security Policy on every kind of response, and the staff sign-in throttle keyed on the
 * client's address as the server sees it (the socket), which a forged X-Forwarded-For does not
 * change. Requests come from distinct loopback addresses (127.0.0.x), as from distinct clients.
 */
import http from "node:http";
import { expect, test } from "./fixtures";

/** A request from a chosen local address, as a client at that address would send it. */
function send(base: string, from: string, method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const url = new URL(path, base);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, localAddress: from, headers: { ...headers, ...(body ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)) } : {}) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

test("every kind of response carries the security headers; scripts run only with this response's nonce", async ({ request, page }) => {
  const nonces = new Set<string>();
  // Public reading pages send no script at all (decision 019); staff pages hydrate.
  const withScripts = new Set(["/staff/sign-in"]);
  for (const path of ["/", "/consultations/camhs-social-work", "/no-such-page", "/staff/sign-in", "/healthz"]) {
    const response = await request.get(path);
    const h = response.headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["x-powered-by"], path).toBeUndefined();
    const csp = h["content-security-policy"];
    expect(csp, path).toContain("default-src 'self'");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("base-uri 'self'");
    expect(csp, path).toContain("form-action 'self'");
    expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    if ((h["content-type"] ?? "").startsWith("text/html")) {
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      if (withScripts.has(path)) expect(scripts.length, path).toBeGreaterThan(0);
      else expect(scripts, path).toEqual([]);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
  }
  // A fresh nonce for every response.
  expect(nonces.size).toBe(5);

  // In the browser: the page's own scripts run (it hydrates) and an injected one does not.
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/staff/sign-in");
  await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
  const ran = await page.evaluate(async () => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = true";
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  expect(violations.length).toBeGreaterThan(0);
});

test("the sign-in throttle follows the client's address: five failures lock that address out, a forged X-Forwarded-For does not get round it", async ({ server }) => {
  const form = (password: string) => new URLSearchParams({ email: "officer@northmoor.example", password }).toString();
  const attacker = "127.0.0.23";
  for (let i = 0; i < 5; i++) {
    const r = await send(server.url, attacker, "POST", "/staff/sign-in", form(`wrong-${i}`));
    expect(r.status, `attempt ${i + 1}`).toBe(400);
  }
  // The right password from the same address is refused now, with or without a forged header.
  const locked = await send(server.url, attacker, "POST", "/staff/sign-in", form("demo-officer-2026"));
  expect(locked.status).toBe(429);
  expect(locked.body).toContain("Too many attempts");
  const forged = await send(server.url, attacker, "POST", "/staff/sign-in", form("demo-officer-2026"), { "X-Forwarded-For": "198.51.100.77" });
  expect(forged.status).toBe(429);
  expect(locked.headers["set-cookie"] ?? []).toEqual([]);
});
