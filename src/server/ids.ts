import { randomBytes } from "node:crypto";

/**
 * A UUID of version 7 (RFC 9562): the first 48 bits are the time in milliseconds, the rest random.
 * Rows written together get neighbouring ids, so a table that takes thousands of inserts a second
 * (progress reports) adds to a few pages of its primary key instead of reading and dirtying a
 * random page of it for every row.
 */
export function timeOrderedUuid(now = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
