/** Meetings and directives: kinds, topics and the topic a directive's words suggest. Pure. */
export const MEETING_KINDS = [
  "standing-committee-expanded",
  "party-group-enlarged",
  "theory-study-group",
  "economic-analysis",
  "executive",
  "other",
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const DIRECTIVE_TOPICS = [
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
export type DirectiveTopic = (typeof DIRECTIVE_TOPICS)[number];

/** Words that point to a topic, in both languages; the first topic with the most hits wins. */
const TOPIC_WORDS: [DirectiveTopic, RegExp][] = [
  ["investment", /\b(?:investment|projects?|construction of key|attract(?:ing)? investment)\b|项目|投资|招商/gi],
  ["industry", /\b(?:industr(?:y|ial)|enterprises?|manufactur\w*|factor(?:y|ies))\b|工业|企业|制造|产业/gi],
  ["consumption", /\b(?:consum\w*|retail|tourism|shopping)\b|消费|零售|文旅/gi],
  ["foreign-trade", /\b(?:foreign trade|export\w*|import\w*|foreign investment|open economy)\b|外贸|出口|进口|外资|开放型经济/gi],
  ["innovation", /\b(?:innovat\w*|technolog\w*|talents?|digital|laborator\w*)\b|创新|科技|人才|数字/gi],
  ["reform", /\b(?:reform\w*|business environment|state-owned)\b|改革|营商环境|国资国企/gi],
  ["safety", /\b(?:safety|security|risks?|epidemic|flood\w*|accidents?|hazards?)\b|安全|风险|防汛|疫情|隐患|事故/gi],
  [
    "livelihood",
    /\b(?:livelihood|employment|jobs?|housing|education|medical|elderly|residents)\b|民生|就业|住房|教育|医疗|养老|群众/gi,
  ],
  ["environment", /\b(?:ecolog\w*|environment\w*|pollution|green|carbon|land consolidation)\b|生态|环境|污染|绿色|碳/gi],
  ["agriculture", /\b(?:agricultur\w*|farm\w*|rural|grain|spring plowing|animal husbandry)\b|农业|农村|粮食|春耕|畜牧/gi],
  [
    "party-building",
    /\b(?:party(?:'s| building| leadership| organizations?)|cadres?|discipline|political)\b|党建|党的领导|干部|纪律|政治|主体责任/gi,
  ],
  ["economy", /\b(?:econom\w*|growth|stabiliz\w*|gdp)\b|经济|增长|稳进/gi],
];

export function suggestTopic(text: string): DirectiveTopic {
  let best: DirectiveTopic = "other";
  let bestHits = 0;
  for (const [topic, re] of TOPIC_WORDS) {
    const hits = text.match(re)?.length ?? 0;
    if (hits > bestHits) {
      best = topic;
      bestHits = hits;
    }
  }
  return best;
}

/** The same report imported twice is recognised by its words, whatever the spacing or punctuation. */
export function reportFingerprintText(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]+/gu, "").toLowerCase();
}
