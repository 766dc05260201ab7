import { DIRECTIVE_TOPICS, MEETING_KINDS } from "../../../domain/meetings.js";
import type { Translate } from "../../i18n/index.js";

export const kindOptions = (t: Translate) => MEETING_KINDS.map((k) => ({ value: k, label: t(`meeting.kind.${k}`) }));
export const topicOptions = (t: Translate) => DIRECTIVE_TOPICS.map((k) => ({ value: k, label: t(`topic.${k}`) }));
