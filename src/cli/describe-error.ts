import { HttpError } from "../server/errors.js";
import { translate } from "../server/messages.js";

/** A one-line English account of what went wrong, with the fields a validation error names. */
export function describeError(e: unknown): string {
  if (e instanceof HttpError) {
    const fields = (e.fields ?? []).map((f) => `${f.field}: ${translate(f.message, "en", f.params)}`).join("; ");
    return fields || translate(e.message, "en", e.params);
  }
  if (!(e instanceof Error)) return String(e);
  // A failed query carries the database's own reason as its cause.
  const cause = e.cause instanceof Error ? ` (${e.cause.message})` : "";
  return translate(e.message, "en") + cause;
}
