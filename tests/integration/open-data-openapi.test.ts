/**
 * The OpenAPI document is valid OpenAPI 3.1, describes what the API really sends (live responses
 * validate against its schemas, which are closed: an undocumented field fails), and every named
 * example is answered as described: the request its parameter examples make gets the status, and
 * for errors the message, of the response example with the same name.
 */
import { validate, compileErrors } from "@readme/openapi-parser";
import Ajv2020 from "ajv/dist/2020";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as csvLoader } from "~/routes/api.v1.$file";
import { loader as detailLoader } from "~/routes/api.v1.consultations.$slug";
import { loader as commentsLoader } from "~/routes/api.v1.consultations.$slug_.comments";
import { loader as listLoader } from "~/routes/api.v1.consultations._index";
import { loader as openApiLoader } from "~/routes/api.v1.openapi[.json]";
import { loader as searchLoader } from "~/routes/api.v1.search";
import { loader as consultationFeedLoader } from "~/routes/consultations.$slug_.feed[.atom]";
import { loader as siteFeedLoader } from "~/routes/feeds.consultations[.atom]";
import { ORIGIN, fetchRoute, seededWithResponses } from "./open-data-fixtures";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
let doc: Doc;
let ajv: Ajv2020;

/** Which loader serves a path template, and its params from the path. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function route(template: string, path: string): { fn: (args: any) => unknown; params: Record<string, string> } {
  const m = (re: RegExp) => re.exec(path);
  if (template === "/api/v1/consultations") return { fn: listLoader, params: {} };
  if (template === "/api/v1/consultations/{slug}") return { fn: detailLoader, params: { slug: m(/consultations\/([^/?]+)/)![1] } };
  if (template === "/api/v1/consultations/{slug}/comments") return { fn: commentsLoader, params: { slug: m(/consultations\/([^/?]+)/)![1] } };
  if (template === "/api/v1/{dataset}.csv") return { fn: csvLoader, params: { file: m(/v1\/([^/?]+)/)![1] } };
  if (template === "/api/v1/search") return { fn: searchLoader, params: {} };
  if (template === "/api/v1/openapi.json") return { fn: openApiLoader, params: {} };
  if (template === "/feeds/consultations.atom") return { fn: siteFeedLoader, params: {} };
  if (template === "/consultations/{slug}/feed.atom") return { fn: consultationFeedLoader, params: { slug: m(/consultations\/([^/?]+)/)![1] } };
  throw new Error(`no route for ${template}`);
}

function schemaValidator(schema: object) {
  return ajv.compile({ $schema: "https://json-schema.org/draft/2020-12/schema", ...resolveRefs(schema) });
}

/** Point component $refs at the document registered with ajv. */
function resolveRefs(schema: object): object {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\/schemas\//g, '"openapi#/components/schemas/'));
}

beforeAll(async () => {
  await seededWithResponses();
  doc = await (await fetchRoute(openApiLoader, "/api/v1/openapi.json")).json();
  ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ $id: "openapi", components: resolveRefs(doc.components) }, "openapi");
});

describe("the document", () => {
  it("is valid OpenAPI 3.1", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(doc));
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("names its licence and this server", () => {
    expect(doc.info.license.name).toBe("Open Government Licence v3.0");
    expect(doc.servers[0].url).toBe(ORIGIN);
  });

  it("every example body validates against its own schema", () => {
    for (const [path, item] of Object.entries<Doc>(doc.paths)) {
      for (const [status, response] of Object.entries<Doc>(item.get.responses)) {
        const json = response.content?.["application/json"];
        if (!json?.examples) continue;
        const check = schemaValidator(json.schema);
        for (const [name, example] of Object.entries<Doc>(json.examples)) {
          if (!("value" in example)) continue;
          expect(check(example.value), `${path} ${status} ${name}: ${ajv.errorsText(check.errors)}`).toBe(true);
        }
      }
    }
  });
});

describe("every example is answered as described", () => {
  const cases: { path: string; name: string }[] = [];
  beforeAll(() => {
    for (const [path, item] of Object.entries<Doc>(doc.paths)) {
      for (const response of Object.values<Doc>(item.get.responses)) {
        for (const media of Object.values<Doc>(response.content ?? {})) for (const name of Object.keys(media.examples ?? {})) cases.push({ path, name });
      }
    }
  });

  it("covers every operation that takes parameters, with both answers and refusals", () => {
    expect(cases.length).toBeGreaterThan(20);
    expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(["openConsultations", "firstPage", "badDate", "missing", "camhs", "risksCsv", "missingConsultationCsv", "searchWaiting", "searchWithoutWords"]));
  });

  it("each request gets the status, the schema and (for errors) the message its example shows", async () => {
    for (const { path: template, name } of cases) {
      const op = doc.paths[template].get;
      let path = template;
      const query = new URLSearchParams();
      for (const p of op.parameters ?? []) {
        const value = p.examples?.[name]?.value;
        if (value == null) continue;
        if (p.in === "path") path = path.replace(`{${p.name}}`, encodeURIComponent(value));
        else query.append(p.name, value);
      }
      expect(path, `${template} ${name}: every path parameter has an example`).not.toMatch(/\{/);
      const url = query.size ? `${path}?${query}` : path;
      const [status, response] = Object.entries<Doc>(op.responses).find(([, r]) => Object.values<Doc>(r.content ?? {}).some((m) => m.examples?.[name]))!;
      const [mediaType, media] = Object.entries<Doc>(response.content).find(([, m]) => m.examples?.[name])!;
      const { fn, params } = route(template, url);
      const answer = await fetchRoute(fn, url, { params });
      expect(answer.status, `${url} (${name})`).toBe(Number(status));
      expect(answer.headers.get("Content-Type") ?? "", `${url} (${name})`).toContain(mediaType);
      const example = media.examples[name];
      if (mediaType === "application/json") {
        const body = await answer.json();
        const check = schemaValidator(media.schema);
        expect(check(body), `${url} (${name}): ${ajv.errorsText(check.errors)}`).toBe(true);
        if (example.value?.message) {
          const pattern = new RegExp(`^${example.value.message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/…/g, ".*")}$`);
          expect(body.message, `${url} (${name})`).toMatch(pattern);
        }
      } else if (mediaType === "text/csv") {
        const text = await answer.text();
        expect(text.split("\r\n")[0], `${url} (${name})`).toBe(example.value.split("\r\n")[0]);
      }
    }
  });

  it("documents every field the live API sends, for every published consultation", async () => {
    const check = schemaValidator({ $ref: "#/components/schemas/Consultation" });
    const list = await (await fetchRoute(listLoader, "/api/v1/consultations")).json();
    for (const c of list.data) {
      const body = await (await fetchRoute(detailLoader, `/api/v1/consultations/${c.slug}`, { params: { slug: c.slug } })).json();
      expect(check(body), `${c.slug}: ${ajv.errorsText(check.errors)}`).toBe(true);
    }
  });
});
