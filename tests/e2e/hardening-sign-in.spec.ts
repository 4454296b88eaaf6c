/**
 * The sign-in throttle and the proxy setting through the real server: concurrent bursts of
 * wrong passwords for one account from one address, with the right password in the middle;
 * one password sprayed over many accounts; and behind a proxy, residents kept apart by
 * X-Forwarded-For only when TRUST_PROXY says the proxy is to be believed.
 */
import { expect, test } from "@playwright/test";
import { form, raw } from "./http-support";
import { startServer, type ServerProcess } from "./server-process";

test.describe.configure({ mode: "serial" });

let server: ServerProcess;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startServer();
});

test.afterAll(async () => {
  await server?.stop();
});

async function burst(base: string, count: number, email: string, rightAt: number, headers: Record<string, string> = {}) {
  const requests = Array.from({ length: count }, (_, i) => {
    const body = form({ email, password: i === rightAt ? "demo-officer-2026" : `wrong-${i}` });
    return raw(`${base}/staff/sign-in`, { method: "POST", headers: { ...body.headers, ...headers }, body: body.body });
  });
  const responses = await Promise.all(requests);
  return {
    evaluated: responses.filter((r) => r.status === 400 || r.status === 302).length,
    refused: responses.filter((r) => r.status === 429).length,
    signedIn: responses.filter((r) => r.status === 302).length,
    other: responses.filter((r) => ![302, 400, 429].includes(r.status)).map((r) => r.status),
    refusals: responses.filter((r) => r.status === 429),
  };
}

test("100 and then 200 concurrent wrong passwords for one account from one address: five are checked, the rest refused with the time to wait; the right password in a burst does not get in", async () => {
  test.setTimeout(300_000);
  const first = await burst(server.url, 100, "officer@northmoor.example", -1);
  console.log(`burst of 100: ${first.evaluated} checked, ${first.refused} refused`);
  expect(first.other).toEqual([]);
  expect(first.evaluated).toBe(5);
  expect(first.refused).toBe(95);
  expect(first.refusals[0].body).toMatch(/Too many attempts\. Wait \d+ (seconds|minutes?) and try again\./);
  expect(Number(first.refusals[0].headers["retry-after"])).toBeGreaterThan(0);

  // The right password somewhere in the next burst neither gets in nor clears the count.
  const second = await burst(server.url, 200, "officer@northmoor.example", 117);
  console.log(`burst of 200: ${second.evaluated} checked, ${second.refused} refused`);
  expect(second.evaluated).toBe(0);
  expect(second.signedIn).toBe(0);
  expect(second.refused).toBe(200);
});

test("one password sprayed over many accounts from one address is refused after 30", async () => {
  test.setTimeout(300_000);
  const statuses: number[] = [];
  for (let i = 0; i < 34; i++) {
    const r = await raw(`${server.url}/staff/sign-in`, { method: "POST", ...form({ email: `person${i}@northmoor.example`, password: "Northmoor2026!" }) });
    statuses.push(r.status);
  }
  // The burst test's five checked failures came from this address too: 25 more reach the 30.
  expect(statuses.filter((s) => s === 400).length).toBe(25);
  expect(statuses.slice(25)).toEqual(Array(9).fill(429));
});

test("without TRUST_PROXY a forged X-Forwarded-For buys no more guesses", async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    const body = form({ email: "approver@northmoor.example", password: `guess-${i}` });
    const r = await raw(`${server.url}/staff/sign-in`, { method: "POST", headers: { ...body.headers, "X-Forwarded-For": `198.51.100.${i}` }, body: body.body });
    statuses.push(r.status);
  }
  // This address used up its 30 in the spray test; a made-up X-Forwarded-For does not make it a
  // new address (were it believed, each would be a fresh address and these would be checked).
  expect(statuses).toEqual(Array(8).fill(429));
});

test("behind a trusted proxy each resident has their own limits, and an officer is not locked out by another address", async () => {
  test.setTimeout(240_000);
  const proxied = await startServer({ env: { TRUST_PROXY: "loopback" } });
  try {
    // Eleven residents each ask for a sign-in link through the proxy: none shares another's limit.
    for (let i = 0; i < 11; i++) {
      const body = form({ email: `resident${i}@example.com`, redirectTo: "/consultations" });
      const r = await raw(`${proxied.url}/respondents/sign-in`, { method: "POST", headers: { ...body.headers, "X-Forwarded-For": `203.0.113.${i + 1}` }, body: body.body });
      expect(r.status, `resident ${i}`).toBe(200);
    }
    // Five wrong passwords from one address do not lock the officer out from another.
    for (let i = 0; i < 5; i++) {
      const body = form({ email: "officer@northmoor.example", password: `wrong-${i}` });
      await raw(`${proxied.url}/staff/sign-in`, { method: "POST", headers: { ...body.headers, "X-Forwarded-For": "192.0.2.66" }, body: body.body });
    }
    const attacker = form({ email: "officer@northmoor.example", password: "demo-officer-2026" });
    expect((await raw(`${proxied.url}/staff/sign-in`, { method: "POST", headers: { ...attacker.headers, "X-Forwarded-For": "192.0.2.66" }, body: attacker.body })).status).toBe(429);
    const officer = form({ email: "officer@northmoor.example", password: "demo-officer-2026" });
    expect((await raw(`${proxied.url}/staff/sign-in`, { method: "POST", headers: { ...officer.headers, "X-Forwarded-For": "192.0.2.77" }, body: officer.body })).status).toBe(302);
  } finally {
    await proxied.stop();
  }
});
