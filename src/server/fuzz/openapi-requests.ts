/**
 * Requests for the fuzzer, one arbitrary per operation of the app's own OpenAPI document: a role,
 * path ids (known, random or malformed), a query and a body (valid, at the edges, or malformed),
 * and headers (language, CSRF token right, missing or wrong, a file name for uploads).
 */
import fc from "fast-check";
import { type JsonSchema, malformedBody, type Pools, schemaArbitrary } from "./schema-arbitrary.js";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: Method;
  /** OpenAPI form, `/api/tasks/{id}`. */
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>
  >;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      out.push({
        method: method.toUpperCase() as Method,
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.["application/json"]?.schema,
      });
    }
  }
  return out;
}

export interface FuzzRequest {
  role: string;
  method: Method;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  csrf: "right" | "missing" | "wrong";
}

const MALFORMED_IDS = ["not-a-uuid", "..%2F..%2Fetc%2Fpasswd", "%00", "1%20OR%201%3D1", "'", "x".repeat(300), "%E4%B8%AD"];

const queryText = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

export function requestArbitrary(op: Operation, roles: string[], pools: Pools): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const queryParams = op.parameters.filter((p) => p.in === "query");
  const id = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...pools.ids) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_IDS) },
  );
  const mode = fc.constantFrom("valid", "valid", "edge", "edge", "malformed") as fc.Arbitrary<"valid" | "edge" | "malformed">;
  const query = mode.chain((m) =>
    m === "malformed"
      ? fc.dictionary(fc.constantFrom(...queryParams.map((p) => p.name), "limit", "cursor", "sort", "x"), fc.string(), {
          maxKeys: 4,
        })
      : fc.record(Object.fromEntries(queryParams.map((p) => [p.name, schemaArbitrary(p.schema, pools, m).map(queryText)])), {
          requiredKeys: [],
        }),
  );
  const wantsBody = op.method !== "GET" && op.method !== "DELETE";
  const body: fc.Arbitrary<{ text?: string | Buffer; contentType?: string }> = !wantsBody
    ? fc.constant({})
    : op.body
      ? fc.oneof(
          {
            weight: 4,
            arbitrary: schemaArbitrary(op.body, pools, "valid").map((v) => ({
              text: JSON.stringify(v),
              contentType: "application/json",
            })),
          },
          {
            weight: 3,
            arbitrary: schemaArbitrary(op.body, pools, "edge").map((v) => ({
              text: JSON.stringify(v),
              contentType: "application/json",
            })),
          },
          { weight: 2, arbitrary: malformedBody },
          { weight: 1, arbitrary: fc.constant({}) },
        )
      : fc.oneof(
          fc.uint8Array({ maxLength: 2048 }).map((b) => ({ text: Buffer.from(b), contentType: "application/octet-stream" })),
          fc.constantFrom(
            { text: Buffer.from("<html><script>alert(1)</script></html>"), contentType: "application/octet-stream" },
            { text: Buffer.from("MZ\x90\x00\x03"), contentType: "application/octet-stream" },
            { text: Buffer.from("PK\x03\x04 not a zip"), contentType: "application/octet-stream" },
            { text: Buffer.alloc(0), contentType: "application/octet-stream" },
          ),
          malformedBody,
          fc.constant({}),
        );
  const fileName = fc.oneof(
    fc.constantFrom(
      "report.pdf",
      "photo.jpg",
      "../../etc/passwd",
      "..%2F..%2Fx.html",
      "%E4%B8%AD%E6%96%87.docx",
      "%",
      "%zz",
      "a\u0000b.png",
    ),
    fc.string({ maxLength: 300 }),
  );
  return fc
    .record({
      role: fc.constantFrom(...roles),
      pathValues: fc.tuple(...pathParams.map(() => id)),
      query,
      body,
      lang: fc.constantFrom("zh-CN", "en", "en-US,en;q=0.9", "", "xx", "*", "zh-CN;q=abc"),
      csrf: fc.constantFrom("right", "right", "right", "right", "right", "right", "missing", "wrong") as fc.Arbitrary<
        "right" | "missing" | "wrong"
      >,
      fileName: fc.option(fileName, { freq: 2 }),
    })
    .map(({ role, pathValues, query, body, lang, csrf, fileName }) => {
      let url = op.path;
      pathParams.forEach((p, i) => {
        const value = pathValues[i] as string;
        url = url.replace(`{${p.name}}`, value.includes("%") ? value : encodeURIComponent(value));
      });
      const search = new URLSearchParams(query as Record<string, string>).toString();
      const headers: Record<string, string> = { "accept-language": lang };
      if (body.contentType) headers["content-type"] = body.contentType;
      if (fileName !== null) headers["x-file-name"] = [...fileName].map((c) => (c >= " " && c <= "~" ? c : "_")).join("");
      return { role, method: op.method, url: search ? `${url}?${search}` : url, headers, payload: body.text, csrf };
    });
}
