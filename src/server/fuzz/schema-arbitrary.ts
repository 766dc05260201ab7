/**
 * Values for the fuzzer, from the JSON Schema the OpenAPI document gives each body and query
 * parameter: valid ones (what the schema allows, including hostile text), edge ones (each leaf
 * sometimes just past its bound or of the wrong type, a required key missing, an unknown one added)
 * and malformed ones (anything at all).
 */
import fc from "fast-check";

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
}

export type Mode = "valid" | "edge";

/** Text an attacker or a careless paste would send: markup, SQL, formulas, paths, control characters. */
export const HOSTILE_TEXT = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "' OR '1'='1' --",
  "'; drop table tasks; --",
  '=HYPERLINK("http://evil","x")',
  "=cmd|' /C calc'!A0",
  "+1+1",
  "@SUM(1)",
  "../../../../etc/passwd",
  "%00",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\u202e\u0627",
  "𠮷野家",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection probe, sent as plain text on purpose
  "${7*7}{{7*7}}",
  "\\",
  "\r\n\t",
  " ",
  "null",
  "NaN",
  "1e309",
  "-0",
];

const FAR_DATES = ["0000-01-01", "9999-12-31", "2024-02-30", "2023-13-01", "2026-1-1", "20261129", ""];

/** Known ids (from the data in the database) are tried far more often than random ones: they reach the handlers. */
export interface Pools {
  ids: string[];
}

function clampText(s: string, min: number, max: number): string {
  if (s.length > max) return s.slice(0, max);
  if (s.length < min) return s.padEnd(min, "x");
  return s;
}

function stringArbitrary(s: JsonSchema, pools: Pools): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 200, 2000);
  if (s.format === "uuid") return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pools.ids) }, fc.uuid());
  if (s.format === "date")
    return fc
      .date({ min: new Date("1990-01-01"), max: new Date("2060-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (s.format === "email") return fc.emailAddress();
  if (s.pattern) {
    try {
      const re = new RegExp(s.pattern);
      return fc.stringMatching(re).filter((v) => v.length >= min && v.length <= max && re.test(v));
    } catch {
      // A pattern JavaScript cannot read: plain text below.
    }
  }
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, 40) }) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXT).map((v) => clampText(v, min, max)) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: min, maxLength: Math.min(max, 20) }) },
    { weight: 1, arbitrary: fc.constant(clampText("长".repeat(max), min, max)) },
  );
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : -1e6);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-6) : 1e9);
  if (integer) return fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) });
  return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

/** Values just outside what the schema allows, or of another type. */
function edgeLeaf(s: JsonSchema): fc.Arbitrary<unknown> {
  const out: unknown[] = [null, true, 0, -1, "", [], {}, "x".repeat(100_000)];
  if (s.maxLength !== undefined) out.push("y".repeat(s.maxLength + 1), "长".repeat(s.maxLength));
  if (s.minLength) out.push("z".repeat(s.minLength - 1));
  if (s.minimum !== undefined) out.push(s.minimum - 1, s.minimum - 0.5);
  if (s.maximum !== undefined) out.push(s.maximum + 1, s.maximum + 0.5);
  if (s.exclusiveMinimum !== undefined) out.push(s.exclusiveMinimum);
  if (s.maxItems !== undefined) out.push(Array.from({ length: s.maxItems + 1 }, () => "00000000-0000-0000-0000-000000000000"));
  if (s.format === "date") out.push(...FAR_DATES);
  if (s.format === "uuid") out.push("00000000-0000-0000-0000-000000000000", "not-a-uuid", "'", "1 OR 1=1");
  if (s.enum) out.push(`${String(s.enum[0])}x`, String(s.enum[0]).toUpperCase());
  out.push(1e308, -1e308, 2 ** 53 + 1, 0.1 + 0.2);
  return fc.constantFrom(...out);
}

const typesOf = (s: JsonSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

export function schemaArbitrary(s: JsonSchema, pools: Pools, mode: Mode = "valid", depth = 0): fc.Arbitrary<unknown> {
  const inner = (): fc.Arbitrary<unknown> => {
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum?.length) return fc.constantFrom(...s.enum);
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives?.length) return fc.oneof(...alternatives.map((a) => schemaArbitrary(a, pools, mode, depth + 1)));
    const types = typesOf(s);
    if (types.length > 1) return fc.oneof(...types.map((type) => schemaArbitrary({ ...s, type }, pools, mode, depth + 1)));
    switch (types[0]) {
      case "string":
        return stringArbitrary(s, pools);
      case "integer":
        return numberArbitrary(s, true);
      case "number":
        return numberArbitrary(s, false);
      case "boolean":
        return fc.boolean();
      case "null":
        return fc.constant(null);
      case "array": {
        const minLength = s.minItems ?? 0;
        const maxLength = Math.max(minLength, Math.min(s.maxItems ?? 5, depth > 2 ? minLength : 5));
        return fc.array(s.items ? schemaArbitrary(s.items, pools, mode, depth + 1) : fc.string(), { minLength, maxLength });
      }
      case "object":
        return objectArbitrary(s, pools, mode, depth);
      default:
        return fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    }
  };
  if (mode === "valid") return inner();
  return fc.oneof({ weight: 5, arbitrary: inner() }, { weight: 1, arbitrary: edgeLeaf(s) });
}

function objectArbitrary(s: JsonSchema, pools: Pools, mode: Mode, depth: number): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const keys = Object.keys(props);
  if (!keys.length && s.additionalProperties && typeof s.additionalProperties === "object") {
    const key = s.propertyNames
      ? (schemaArbitrary(s.propertyNames, pools, "valid", depth + 1) as fc.Arbitrary<string>)
      : fc.string();
    return fc.dictionary(key, schemaArbitrary(s.additionalProperties, pools, mode, depth + 1), { maxKeys: 4 });
  }
  const record = fc.record(Object.fromEntries(keys.map((k) => [k, schemaArbitrary(props[k], pools, mode, depth + 1)])), {
    requiredKeys: keys.filter((k) => required.has(k)),
  });
  if (mode === "valid") return record;
  return fc.tuple(record, fc.nat({ max: 9 }), fc.constantFrom(...(keys.length ? keys : ["x"]))).map(([value, roll, key]) => {
    const o = { ...(value as Record<string, unknown>) };
    if (roll === 0) delete o[key];
    if (roll === 1) o.unknownField = "extra";
    if (roll === 2) Object.defineProperty(o, "__proto__", { value: { admin: true }, enumerable: true });
    return o;
  });
}

/** Bodies with no regard for the schema: any JSON, or text that is not JSON at all. */
export const malformedBody: fc.Arbitrary<{ text: string; contentType: string }> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ text: JSON.stringify(v) ?? "null", contentType: "application/json" })),
  fc
    .constantFrom("{", "[1,", '{"a":', "nul", "\u0000", "{}{}", '{"__proto__":{"x":1}}', "[".repeat(5000))
    .map((text) => ({ text, contentType: "application/json" })),
  fc.string().map((text) => ({ text, contentType: "text/plain" })),
  fc.constant({ text: "a=1&b=2", contentType: "application/x-www-form-urlencoded" }),
  fc.constant({ text: "<x/>", contentType: "application/xml" }),
  fc.constant({
    text: "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--",
    contentType: "multipart/form-data; boundary=b",
  }),
  fc.constant({ text: "{}", contentType: "application/json; charset=utf-16" }),
);
