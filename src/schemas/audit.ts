import { z } from "zod";
import { cursor, limit, pageOf } from "./common.js";

export const auditListQuery = z
  .object({
    actorId: z.uuid().optional(),
    actor: z.string().trim().max(60).optional(),
    action: z.string().trim().max(60).optional(),
    entityType: z.string().trim().max(40).optional(),
    entityId: z.string().trim().max(100).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit,
    cursor,
  })
  .strict();

export const auditOut = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const auditPage = pageOf(auditOut);
export type AuditListQuery = z.infer<typeof auditListQuery>;
export type AuditOut = z.infer<typeof auditOut>;
