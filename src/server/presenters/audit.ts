import type { AuditEventRow } from "../../db/schema.js";
import type { AuditOut } from "../../schemas/audit.js";
import { iso } from "./time.js";

export function presentAuditEvent(row: AuditEventRow): AuditOut {
  return {
    id: Number(row.id),
    at: iso(row.at),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    ip: row.ip,
    userAgent: row.userAgent,
  };
}
