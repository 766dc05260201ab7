import type { FastifySchemaCompiler } from "fastify";
import type { z } from "zod";

export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/**
 * Like fastify-type-provider-zod's compiler, but keeps each issue's input so the error handler
 * can say "expected string, received number" in either language, and "required" when absent.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
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
