import { unitScopeOf } from "../../../domain/scope.js";
import { idParams } from "../../../schemas/common.js";
import {
  draftFileRequest,
  draftOut,
  draftRequest,
  meetingCreate,
  meetingListQuery,
  meetingOut,
  meetingPage,
  meetingUpdate,
} from "../../../schemas/meetings.js";
import { createMeeting } from "../../commands/create-meeting.js";
import { draftMeeting } from "../../commands/draft-meeting.js";
import { updateMeeting } from "../../commands/update-meeting.js";
import { badRequest } from "../../errors.js";
import { authorize } from "../../policies/index.js";
import { presentMeeting, presentMeetingSummary } from "../../presenters/meeting.js";
import { listMeetings, loadMeeting, meetingDetail, scopedMeeting } from "../../queries/meetings.js";
import { maxReportBytes, ReportFileError, textFromBuffer } from "../../report-files.js";
import type { RoutePlugin } from "../types.js";

const tags = ["meetings"];

export const meetingRoutes: RoutePlugin = async (app, { database }) => {
  const { db } = database;

  app.get("/api/meetings", { schema: { tags, querystring: meetingListQuery, response: { 200: meetingPage } } }, async (req) => {
    authorize(req.ctx, "meeting", "list");
    const page = await listMeetings(db, req.query, unitScopeOf(req.ctx.actor));
    return { ...page, items: page.items.map(presentMeetingSummary) };
  });

  app.get("/api/meetings/:id", { schema: { tags, params: idParams, response: { 200: meetingOut } } }, async (req) => {
    const meeting = await loadMeeting(db, req.params.id);
    authorize(req.ctx, "meeting", "read", scopedMeeting(meeting));
    return presentMeeting(meeting, await meetingDetail(db, meeting, unitScopeOf(req.ctx.actor)));
  });

  // Reads a report and proposes a meeting; saves nothing (the coordinator reviews, then creates).
  app.post(
    "/api/meetings/draft",
    { bodyLimit: 8 * 1024 * 1024, schema: { tags, body: draftRequest, response: { 200: draftOut } } },
    async (req) => {
      authorize(req.ctx, "meeting", "create");
      return draftMeeting(db, req.body);
    },
  );

  // The same for an uploaded file (.txt, .html, .docx), sent as base64 in JSON.
  app.post(
    "/api/meetings/draft-file",
    {
      bodyLimit: Math.ceil(maxReportBytes() * 1.4) + 65_536,
      schema: { tags, body: draftFileRequest, response: { 200: draftOut } },
    },
    async (req) => {
      authorize(req.ctx, "meeting", "create");
      let text: string;
      try {
        text = await textFromBuffer(Buffer.from(req.body.contentBase64, "base64"), req.body.fileName);
      } catch (e) {
        if (e instanceof ReportFileError) throw badRequest("contentBase64", e.message);
        throw e;
      }
      return draftMeeting(db, { text, fileName: req.body.fileName });
    },
  );

  app.post(
    "/api/meetings",
    { bodyLimit: 8 * 1024 * 1024, schema: { tags, body: meetingCreate, response: { 201: meetingOut } } },
    async (req, reply) => {
      authorize(req.ctx, "meeting", "create");
      const actor = req.ctx.actor;
      const meeting = await db.transaction(async (tx) => {
        const created = await createMeeting(req.ctx, { ...req.body, unitId: actor.unitId }, tx);
        return loadMeeting(tx, created.id);
      });
      return reply.code(201).send(presentMeeting(meeting, await meetingDetail(db, meeting, unitScopeOf(actor))));
    },
  );

  app.patch(
    "/api/meetings/:id",
    { schema: { tags, params: idParams, body: meetingUpdate, response: { 200: meetingOut } } },
    async (req) => {
      const meeting = await db.transaction(async (tx) => {
        const current = await loadMeeting(tx, req.params.id);
        authorize(req.ctx, "meeting", "update", scopedMeeting(current));
        await updateMeeting(req.ctx, { meeting: current, patch: req.body }, tx);
        return loadMeeting(tx, current.id);
      });
      return presentMeeting(meeting, await meetingDetail(db, meeting, unitScopeOf(req.ctx.actor!)));
    },
  );
};
