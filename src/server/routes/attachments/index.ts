import { eq } from "drizzle-orm";
import {
  attachments,
  evaluationAdjustments,
  progressReports,
  projectMedia,
  projectReports,
  reportAttachments,
} from "../../../db/schema.js";
import { idParams } from "../../../schemas/common.js";
import { attachmentOut } from "../../../schemas/tasks.js";
import { storeAttachment } from "../../commands/store-attachment.js";
import type { ActingContext } from "../../context.js";
import { badRequest, HttpError, notFound } from "../../errors.js";
import { openStoredFile, showsInline } from "../../files.js";
import { authorize } from "../../policies/index.js";
import { presentAttachment } from "../../presenters/task.js";
import { loadProject, scopedProject } from "../../queries/projects.js";
import { loadTask, scopedTask } from "../../queries/tasks.js";
import type { RoutePlugin } from "../types.js";

const tags = ["attachments"];

/** RFC 5987: a name in any script, safe in a header. */
const disposition = (kind: "inline" | "attachment", name: string) =>
  `${kind}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const attachmentRoutes: RoutePlugin = async (app, { database, config }) => {
  const { db } = database;
  // Uploads are the file's bytes as the body, its name in X-File-Name (URI-encoded).
  app.addContentTypeParser(
    "application/octet-stream",
    { parseAs: "buffer", bodyLimit: config.maxAttachmentBytes },
    (_req, body, done) => done(null, body),
  );

  app.post("/api/attachments", { schema: { tags, response: { 201: attachmentOut } } }, async (req, reply) => {
    authorize(req.ctx, "attachment", "upload");
    if (!Buffer.isBuffer(req.body)) throw badRequest("file", "attachment_body");
    let name = "";
    try {
      name = decodeURIComponent(String(req.headers["x-file-name"] ?? "")).trim();
    } catch {}
    // Only the last part of a path: a name cannot point anywhere.
    name = name.split(/[\\/]/).pop() ?? "";
    if (!name || name.length > 200) throw badRequest("fileName", "required");
    const ctx = req.ctx as ActingContext;
    try {
      const row = await db.transaction((tx) =>
        storeAttachment(ctx, { name, content: req.body as Buffer, filesDir: config.filesDir }, tx),
      );
      return reply.code(201).send(presentAttachment(row));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOSPC") throw new HttpError(507, "storage_full", "storage_full");
      throw e;
    }
  });

  app.get("/api/attachments/:id", { schema: { tags, params: idParams } }, async (req, reply) => {
    const [file] = await db.select().from(attachments).where(eq(attachments.id, req.params.id));
    if (!file) {
      authorize(req.ctx, "attachment", "upload");
      throw notFound();
    }
    // Readable by whoever uploaded it and by whoever may read a task it is evidence for.
    const links = await db
      .selectDistinct({ taskId: progressReports.taskId })
      .from(reportAttachments)
      .innerJoin(progressReports, eq(progressReports.id, reportAttachments.reportId))
      .where(eq(reportAttachments.attachmentId, file.id));
    const linked = await Promise.all(links.map(async (l) => scopedTask(await loadTask(db, l.taskId))));
    const projectLinks = await db
      .selectDistinct({ projectId: projectReports.projectId })
      .from(projectMedia)
      .innerJoin(projectReports, eq(projectReports.id, projectMedia.reportId))
      .where(eq(projectMedia.attachmentId, file.id));
    const inProjects = await Promise.all(projectLinks.map(async (l) => scopedProject(await loadProject(db, l.projectId))));
    const [evidence] = await db
      .select({ id: evaluationAdjustments.id })
      .from(evaluationAdjustments)
      .where(eq(evaluationAdjustments.attachmentId, file.id))
      .limit(1);
    authorize(req.ctx, "attachment", "read", {
      createdBy: file.createdBy,
      tasks: linked,
      projects: inProjects,
      evaluationEvidence: Boolean(evidence),
    });
    // A record whose file is not on disk answers 404 and says so, rather than failing mid-stream.
    const content = await openStoredFile(config.filesDir, file.sha256);
    if (!content) throw new HttpError(404, "not_found", "attachment_file_missing");
    return reply
      .header("content-type", file.mime)
      .header("content-disposition", disposition(showsInline(file.mime) ? "inline" : "attachment", file.name))
      .header("cache-control", "private, max-age=86400")
      .header("content-security-policy", "default-src 'none'; media-src 'self'; sandbox")
      .send(content);
  });
};
