import { cleanReport } from "./clean.js";
import { findDirectives } from "./directives.js";
import { campaigns, meetingDate, meetingType, organizer, people, regionsAndUnits, studiedItems } from "./meta.js";
import type { Lang, ReadReport } from "./types.js";

export type { Lang, MeetingType, ReadDirective, ReadReport } from "./types.js";
export { MEETING_TYPES } from "./types.js";

/** Chinese when CJK characters make up a good part of the letters. */
export function detectLang(text: string): Lang | null {
  let cjk = 0;
  let latin = 0;
  // The first 20,000 characters settle it; counting by char code keeps this cheap.
  for (let i = 0, n = Math.min(text.length, 20_000); i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) cjk++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  if (cjk + latin < 20) return null;
  return cjk * 3 >= latin ? "zh" : "en";
}

function titleOf(raw: string, text: string): string {
  const first = (text.split("\n").find((l) => l.trim().length > 0) ?? "")
    .replace(/^\s*(?:date|日期)\s*[:：]?\s*\d{4}-\d{1,2}-\d{1,2}\s*/i, "")
    .replace(/\s+/g, " ")
    .trim();
  if (first.length <= 120) return first || raw.trim().slice(0, 80);
  // A report that opens with its body has no title line: its first sentence, shortened, stands in.
  const sentence = first.split(/(?<=[.。!?！？])\s*/)[0];
  return sentence.length > 100 ? `${sentence.slice(0, 100).replace(/\s+\S*$/, "")}…` : sentence;
}

/** Reads a meeting report (zh or en). Pure: text in, structure out. */
export function readReport(raw: string): ReadReport {
  const text = cleanReport(raw);
  const lang = detectLang(text) ?? "en";
  const title = titleOf(raw, text);
  const body = text.slice(text.indexOf(title.slice(0, 20)) + 0);
  const kind = meetingType(title, body);
  const { presiders, speakers, attendees } = people(body, lang);
  return {
    lang,
    title,
    date: meetingDate(raw, body, lang),
    meetingType: kind,
    organizer: organizer(body, lang, kind),
    presiders,
    speakers: [...new Set([...presiders.filter((p) => speakers.includes(p)), ...speakers])],
    attendees,
    studied: studiedItems(body, lang),
    directives: findDirectives(text, lang),
    campaigns: campaigns(body),
    regions: regionsAndUnits(body, lang),
    text,
  };
}
