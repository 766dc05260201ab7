import type { AuditEventRow } from "../../db/schema.js";
import type { AuditOut } from "../../schemas/audit.js";

export function presentAuditEvent(row: AuditEventRow): AuditOut {
  return {
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
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
