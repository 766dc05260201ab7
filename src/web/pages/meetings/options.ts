import type { Translate } from "../../i18n/index.js";

export const MEETING_KINDS = [
  "standing-committee-expanded",
  "party-group-enlarged",
  "theory-study-group",
  "economic-analysis",
  "executive",
  "other",
] as const;
export const TOPICS = [
  "economy",
  "investment",
  "industry",
  "consumption",
  "foreign-trade",
  "innovation",
  "reform",
  "safety",
  "livelihood",
  "environment",
  "agriculture",
  "party-building",
  "other",
] as const;

export const kindOptions = (t: Translate) => MEETING_KINDS.map((k) => ({ value: k, label: t(`meeting.kind.${k}`) }));
export const topicOptions = (t: Translate) => TOPICS.map((k) => ({ value: k, label: t(`topic.${k}`) }));
