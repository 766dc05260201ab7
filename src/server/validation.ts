import type { FastifySchemaCompiler } from "fastify";
import type { z } from "zod";

export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** Where the first text holding a NUL character is: PostgreSQL cannot store one, so it is refused here with its field. */
function nulPath(data: unknown, path: string[] = []): string[] | null {
  if (typeof data === "string") return data.includes("\u0000") ? path : null;
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) {
      const found = nulPath(data[i], [...path, String(i)]);
      if (found) return found;
    }
  } else if (data && typeof data === "object" && !Buffer.isBuffer(data)) {
    for (const [key, value] of Object.entries(data)) {
      const found = key.includes("\u0000") ? [...path, key] : nulPath(value, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Like fastify-type-provider-zod's compiler, but keeps each issue's input so the error handler
 * can say "expected string, received number" in either language, and "required" when absent.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const nul = nulPath(data);
    if (nul)
      return { error: [{ keyword: "nul", instancePath: `/${nul.join("/")}`, message: "nul_character", params: {} }] as never };
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    const issues: ValidationIssue[] = result.error.issues.map(({ code, path, message, ...params }) => ({
      keyword: code,
      instancePath: `/${path.join("/")}`,
      message,
      params,
    }));
    return { error: issues as never };
  };
