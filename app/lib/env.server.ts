/**
 * The environment, parsed once. A missing secret in production stops the start with a
 * clear message (scripts/start.ts calls loadEnv() before anything else).
 */
import { z } from "zod";

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** 0 takes any free port (the browser tests do) */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("127.0.0.1"),
    DATABASE_PATH: z.string().default("data/plainsight.db"),
    UPLOADS_PATH: z.string().default("data/uploads"),
    /** demo mode: seeds demo content and accounts and shows a banner on every page */
    PLAINSIGHT_DEMO: z
      .enum(["0", "1", "true", "false"])
      .default("0")
      .transform((v) => v === "1" || v === "true"),
    /** public base URL used in emails and feeds; unset, the address the server listens on (baseUrl()) */
    BASE_URL: z.string().url().optional(),
    SESSION_SECRET: z.string().optional(),
    /** HMAC key for the audit log's chain; kept outside the database so a copy of it cannot re-sign a changed entry */
    AUDIT_KEY: z.string().optional(),
    /**
     * Which reverse proxies to believe about the client's address and protocol
     * (X-Forwarded-For, X-Forwarded-Proto). Off by default: then limits and logs key on the
     * socket address. Behind one proxy on the same machine: "loopback"; otherwise the proxy's
     * addresses or subnets ("10.0.0.5, 10.0.1.0/24"), or the number of proxies in front ("1").
     */
    TRUST_PROXY: z
      .string()
      .default("")
      .transform((v, ctx) => {
        const value = v.trim().toLowerCase();
        if (value === "" || value === "0" || value === "false" || value === "off") return false as const;
        if (/^[1-9]$/.test(value)) return Number(value);
        if (value === "true") {
          ctx.addIssue({ code: "custom", message: 'TRUST_PROXY=true would believe any client\'s X-Forwarded-For; name the proxy ("loopback", its address or subnet) or the number of proxies' });
          return z.NEVER;
        }
        const entries = value.split(",").map((e) => e.trim()).filter(Boolean);
        const named = /^(loopback|linklocal|uniquelocal)$/;
        const address = /^[0-9a-f.:]+(\/\d{1,3})?$/;
        const bad = entries.filter((e) => !named.test(e) && !address.test(e));
        if (bad.length) {
          ctx.addIssue({ code: "custom", message: `TRUST_PROXY: "${bad.join(", ")}" is not "loopback", an address, a subnet or a number of proxies` });
          return z.NEVER;
        }
        return entries;
      }),
    /** e.g. smtp://user:pass@mail.example.gov.uk:587; without it the demo delivers to a local inbox */
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default("Plainsight <no-reply@example.gov.uk>"),
    /** single sign-on with the council's identity provider (OpenID Connect); all three or none.
     * The issuer is the tenant's own, e.g. https://login.microsoftonline.com/<tenant id>/v2.0 */
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** what the sign-in button calls the provider: "Sign in with …" */
    OIDC_LABEL: z.string().min(1).max(60).default("your council account"),
    /** browser tests only: a route that moves the clock and runs the worker (refused outside demo mode) */
    PLAINSIGHT_TEST_CONTROLS: z
      .enum(["0", "1"])
      .default("0")
      .transform((v) => v === "1"),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message: "Single sign-on needs all three of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (or none of them)",
      });
    }
    if (env.NODE_ENV === "production" && !env.PLAINSIGHT_DEMO && (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32)) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "SESSION_SECRET must be set to at least 32 random characters in production (for example: openssl rand -hex 32)",
      });
    }
    if (env.NODE_ENV === "production" && !env.PLAINSIGHT_DEMO && (!env.AUDIT_KEY || env.AUDIT_KEY.length < 32)) {
      ctx.addIssue({
        code: "custom",
        path: ["AUDIT_KEY"],
        message: "AUDIT_KEY must be set to at least 32 random characters in production (for example: openssl rand -hex 32); keep a copy apart from the database backups",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Plainsight cannot start; fix the environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function env(): Env {
  cached ??= loadEnv();
  return cached;
}

/** Where scripts/start.ts records the address it listens on, for baseUrl(). */
export const LISTENING_URL_VARIABLE = "PLAINSIGHT_LISTENING_URL";

/**
 * The public address every link in an email or feed starts with, without a trailing slash:
 * BASE_URL when it is set (a real deployment behind its proxy sets it), or else the address this
 * server listens on, which scripts/start.ts records before seeding and again once it listens (a
 * demo on PORT=3200 sends links to port 3200, on the same host its start line prints).
 * Read at every call: the app's build and the start script are separate copies of this module,
 * and share only the process's environment.
 */
export function baseUrl(): string {
  const url = env().BASE_URL ?? process.env[LISTENING_URL_VARIABLE] ?? "http://localhost:3000";
  return url.replace(/\/+$/, "");
}

/** The address a server on this host and port is reached at ("0.0.0.0" is every interface: localhost). */
export function listeningUrl(host: string, port: number): string {
  const name = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** Tests change the environment between files; they call this to re-read it. */
export function resetEnvForTests() {
  cached = undefined;
}
