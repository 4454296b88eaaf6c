/**
 * Where to send someone after signing in (or any other step that carries a `redirectTo`): a
 * path on this site, never another origin. The one function every redirect from user input
 * goes through.
 *
 * It normalises first and checks after. Checking the raw value is what let "/.//evil.example",
 * "/%2e//evil.example" and "/a/..//evil.example" through: each looks like a path, and each
 * becomes "//evil.example" (another host, to a browser) once its dot segments are resolved.
 */
const BASE = "http://plainsight.invalid";
/** longer than any address this site makes; a longer value is someone's experiment */
const MAX_LENGTH = 2048;

export function safeRedirect(to: unknown, fallback: string): string {
  if (typeof to !== "string" || to.length === 0 || to.length > MAX_LENGTH) return fallback;
  // Path only: no scheme, no host, nothing relative to the current page.
  if (!to.startsWith("/")) return fallback;
  let url: URL;
  try {
    // The WHATWG parser is what a browser runs on a Location header: it resolves dot segments
    // (also encoded ones), turns "\" into "/", and drops tabs and newlines.
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const normalised = url.pathname + url.search + url.hash;
  // After normalising: still one leading slash, and not "//" or "/\" (protocol-relative).
  if (!normalised.startsWith("/") || normalised.startsWith("//") || normalised.startsWith("/\\")) return fallback;
  // The parser's output must parse back to itself, so a browser reads exactly this path.
  const again = new URL(normalised, BASE);
  if (again.origin !== BASE || again.pathname + again.search + again.hash !== normalised) return fallback;
  return normalised;
}
