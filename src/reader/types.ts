/** What the reader finds in a meeting report. Pure data; the shape `luoshi extract --json` prints. */
export const MEETING_TYPES = [
  "standing-committee-expanded",
  "party-group-enlarged",
  "theory-study-group",
  "economic-analysis",
  "executive",
  "other",
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export type Lang = "zh" | "en";

export interface ReadDirective {
  text: string;
  /** Where the text starts and ends in the cleaned report, for highlighting. */
  start: number;
  end: number;
}

export interface ReadReport {
  lang: Lang;
  title: string;
  /** YYYY-MM-DD, or null when the report gives no date. */
  date: string | null;
  meetingType: MeetingType;
  organizer: string | null;
  presiders: string[];
  speakers: string[];
  attendees: string[];
  studied: string[];
  directives: ReadDirective[];
  campaigns: string[];
  regions: string[];
  /** The report without page furniture; directive offsets point into it. */
  text: string;
}
