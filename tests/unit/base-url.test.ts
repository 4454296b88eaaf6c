/**
 * Links in emails and feeds start with BASE_URL, or, when it is not set, with the address the
 * server listens on: a demo started on another port sends links that reach it, on the same host
 * as its start line (issue 9: two origins meant two sets of cookies).
 */
import { afterEach, describe, expect, it } from "vitest";
import { LISTENING_URL_VARIABLE, baseUrl, listeningUrl, resetEnvForTests } from "~/lib/env.server";

const saved = { base: process.env.BASE_URL, listening: process.env[LISTENING_URL_VARIABLE] };
afterEach(() => {
  process.env.BASE_URL = saved.base;
  if (saved.listening === undefined) delete process.env[LISTENING_URL_VARIABLE];
  else process.env[LISTENING_URL_VARIABLE] = saved.listening;
  resetEnvForTests();
});

describe("the public address", () => {
  it("is the address the server listens on when BASE_URL is not set, read at every call", () => {
    delete process.env.BASE_URL;
    resetEnvForTests();
    process.env[LISTENING_URL_VARIABLE] = listeningUrl("127.0.0.1", 3200);
    expect(baseUrl()).toBe("http://127.0.0.1:3200");
    // PORT=0: the start script learns its port after the app has read the environment.
    process.env[LISTENING_URL_VARIABLE] = listeningUrl("127.0.0.1", 41234);
    expect(baseUrl()).toBe("http://127.0.0.1:41234");
  });

  it("is BASE_URL when it is set, without a trailing slash", () => {
    process.env.BASE_URL = "https://consult.northmoor.gov.uk/";
    process.env[LISTENING_URL_VARIABLE] = listeningUrl("0.0.0.0", 3000);
    resetEnvForTests();
    expect(baseUrl()).toBe("https://consult.northmoor.gov.uk");
  });

  it("names every interface localhost and brackets an IPv6 host", () => {
    expect(listeningUrl("0.0.0.0", 3000)).toBe("http://localhost:3000");
    expect(listeningUrl("::", 3000)).toBe("http://localhost:3000");
    expect(listeningUrl("::1", 8080)).toBe("http://[::1]:8080");
    expect(listeningUrl("192.168.1.20", 80)).toBe("http://192.168.1.20:80");
  });
});
