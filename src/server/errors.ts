/**
 * Errors a handler may throw; the error handler turns each into a 4xx with a code, a message
 * (a key of `messages.ts`, put into the reader's language) and, where it helps, the fields.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
    readonly params?: Record<string, string | number>,
    /** More for the body, such as the current record with a 409. */
    public extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface FieldError {
  field: string;
  message: string;
  params?: Record<string, string | number>;
}

export const badRequest = (field: string, message: string, params?: Record<string, string | number>) =>
  new HttpError(400, "validation", "invalid_input", [{ field, message, params }]);
export const unauthorized = (message = "not_signed_in") => new HttpError(401, "unauthorized", message);
export const forbidden = (message = "forbidden") => new HttpError(403, "forbidden", message);
export const notFound = () => new HttpError(404, "not_found", "not_found");
export const conflict = (message: string, field?: string, params?: Record<string, string | number>) =>
  new HttpError(409, "conflict", message, field ? [{ field, message, params }] : undefined, undefined, params);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new HttpError(
    429,
    "too_many_requests",
    "too_many_attempts",
    undefined,
    { "retry-after": String(retryAfterSeconds) },
    {
      seconds: retryAfterSeconds,
    },
  );
