import type { FormInstance } from "antd";
import { ApiError } from "../api/client.js";

/**
 * Puts the server's field errors on the matching form items; returns the message to show
 * elsewhere when some error had no field of the form to sit on.
 */
export function applyServerErrors(form: FormInstance, error: unknown, fallback: string): string | null {
  if (!(error instanceof ApiError)) return fallback;
  const known = new Set(Object.keys(form.getFieldsValue(true)));
  const onFields = error.fields.filter((f) => known.has(f.field.split(".")[0]));
  if (onFields.length) form.setFields(onFields.map((f) => ({ name: f.field.split(".")[0], errors: [f.message] })));
  const rest = error.fields.filter((f) => !known.has(f.field.split(".")[0]));
  if (rest.length) return rest.map((f) => `${f.field}: ${f.message}`).join("; ");
  return onFields.length ? null : error.message;
}
