import { z } from "zod";
import { DIRECTIVE_TOPICS, MEETING_KINDS } from "../domain/meetings.js";
import { cursor, limit, optionalText, order, pageOf, text, version } from "./common.js";

const isoDate = z.iso.date();
const names = z.array(z.string().trim().min(1).max(100)).max(100).default([]);

export const MAX_REPORT_CHARS = 2_000_000;

export const studiedItemIn = z.object({ text: text(1000), linkedMeetingId: z.uuid().nullable().default(null) }).strict();
export const directiveIn = z
  .object({
    /** Sent back when editing, so the directive keeps its id and the tasks linked to it. */
    id: z.uuid().optional(),
    text: text(4000),
    topic: z.enum(DIRECTIVE_TOPICS).default("other"),
    sourceStart: z.number().int().min(0).nullable().default(null),
    sourceEnd: z.number().int().min(0).nullable().default(null),
  })
  .strict();

export const meetingCreate = z
  .object({
    title: text(300),
    kind: z.enum(MEETING_KINDS),
    heldOn: isoDate.nullable().default(null),
    organizer: optionalText(200),
    presiders: names,
    speakers: names,
    attendees: names,
    lang: z.enum(["zh", "en"]).default("zh"),
    sourceText: z.string().max(MAX_REPORT_CHARS).default(""),
    sourceFile: optionalText(300),
    studied: z.array(studiedItemIn).max(200).default([]),
    directives: z.array(directiveIn).max(500).default([]),
  })
  .strict();

export const meetingUpdate = z
  .object({
    title: text(300).optional(),
    kind: z.enum(MEETING_KINDS).optional(),
    heldOn: isoDate.nullable().optional(),
    organizer: optionalText(200).optional(),
    presiders: names.optional(),
    speakers: names.optional(),
    attendees: names.optional(),
    studied: z.array(studiedItemIn).max(200).optional(),
    directives: z.array(directiveIn).max(500).optional(),
    version,
  })
  .strict();

export const meetingListQuery = z
  .object({
    kind: z.enum(MEETING_KINDS).optional(),
    unitId: z.uuid().optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    q: z.string().trim().max(100).optional(),
    order: order.default("desc"),
    limit,
    cursor,
  })
  .strict();

export const draftRequest = z
  .object({ text: z.string().min(1, { error: "required" }).max(MAX_REPORT_CHARS), fileName: optionalText(300) })
  .strict();

export const draftFileRequest = z
  .object({
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .regex(/\.(txt|html?|docx)$/i, { error: "file_type" }),
    contentBase64: z.string().min(1, { error: "required" }),
  })
  .strict();

export const directiveOut = z.object({
  id: z.string(),
  meetingId: z.string(),
  ordinal: z.number(),
  text: z.string(),
  topic: z.enum(DIRECTIVE_TOPICS),
  sourceStart: z.number().nullable(),
  sourceEnd: z.number().nullable(),
});

/** The same deployment at another meeting (similar text), for showing repeated directives as linked. */
export const directiveRepeatOut = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  heldOn: z.string().nullable(),
  text: z.string(),
  similarity: z.number(),
});

export const studiedItemOut = z.object({
  id: z.string(),
  ordinal: z.number(),
  text: z.string(),
  linkedMeetingId: z.string().nullable(),
  linkedMeetingTitle: z.string().nullable(),
});

export const meetingSummaryOut = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(MEETING_KINDS),
  heldOn: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  organizer: z.string().nullable(),
  presiders: z.array(z.string()),
  directiveCount: z.number(),
  version: z.number(),
  createdAt: z.string(),
});

export const meetingOut = meetingSummaryOut.extend({
  speakers: z.array(z.string()),
  attendees: z.array(z.string()),
  lang: z.enum(["zh", "en"]),
  sourceText: z.string(),
  sourceFile: z.string().nullable(),
  studied: z.array(studiedItemOut),
  directives: z.array(directiveOut.extend({ repeats: z.array(directiveRepeatOut) })),
  /** Meetings below that conveyed this one: the other side of the chain of spirit. */
  conveyedBy: z.array(z.object({ id: z.string(), title: z.string(), heldOn: z.string().nullable() })),
});

export const meetingPage = pageOf(meetingSummaryOut);

/** What the reader proposes: the shape of a create request, with plain types (response schemas cannot transform). */
export const draftMeetingOut = z.object({
  title: z.string(),
  kind: z.enum(MEETING_KINDS),
  heldOn: z.string().nullable(),
  organizer: z.string().nullable(),
  presiders: z.array(z.string()),
  speakers: z.array(z.string()),
  attendees: z.array(z.string()),
  lang: z.enum(["zh", "en"]),
  sourceText: z.string(),
  sourceFile: z.string().nullable(),
  studied: z.array(z.object({ text: z.string(), linkedMeetingId: z.string().nullable() })),
  directives: z.array(
    z.object({
      text: z.string(),
      topic: z.enum(DIRECTIVE_TOPICS),
      sourceStart: z.number().nullable(),
      sourceEnd: z.number().nullable(),
    }),
  ),
});

export const draftOut = z.object({
  draft: draftMeetingOut,
  duplicateOf: z.object({ id: z.string(), title: z.string() }).nullable(),
});

export const directiveListQuery = z
  .object({
    topic: z.enum(DIRECTIVE_TOPICS).optional(),
    meetingId: z.uuid().optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    q: z.string().trim().max(100).optional(),
    /** Whether any task implements the directive yet. */
    implemented: z.enum(["true", "false"]).optional(),
    limit,
    cursor,
  })
  .strict();

export const directiveListItem = directiveOut.extend({
  meetingTitle: z.string(),
  heldOn: z.string().nullable(),
  repeats: z.array(directiveRepeatOut),
  taskCount: z.number(),
});
export const directivePage = pageOf(directiveListItem);

export type MeetingCreate = z.infer<typeof meetingCreate>;
export type MeetingUpdate = z.infer<typeof meetingUpdate>;
export type MeetingListQuery = z.infer<typeof meetingListQuery>;
export type DirectiveListQuery = z.infer<typeof directiveListQuery>;
export type MeetingOut = z.infer<typeof meetingOut>;
export type MeetingSummaryOut = z.infer<typeof meetingSummaryOut>;
export type DraftOut = z.infer<typeof draftOut>;
export type DirectiveRepeat = z.infer<typeof directiveRepeatOut>;
export type DirectiveListItem = z.infer<typeof directiveListItem>;

/** A suggested lead unit for a directive, with why: similar directives it led, and its keywords found in the text. */
export const leadSuggestionOut = z.object({
  unit: z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable() }),
  score: z.number(),
  similar: z.array(z.object({ directiveId: z.string(), text: z.string(), meetingTitle: z.string(), similarity: z.number() })),
  keywords: z.array(z.string()),
});
export const leadSuggestionsOut = z.object({ items: z.array(leadSuggestionOut) });
