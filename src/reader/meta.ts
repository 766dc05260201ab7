import { releaseDate } from "./clean.js";
import type { Lang, MeetingType } from "./types.js";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const shift = (r: { y: number; m: number; d: number }, days: number) => {
  const d = new Date(Date.UTC(r.y, r.m - 1, r.d + days));
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};

/** The day the meeting was held: an explicit date, or a month and day resolved against the release date (a later month means last year). */
export function meetingDate(raw: string, text: string, lang: Lang): string | null {
  const released = releaseDate(raw);
  const full = text.match(/(\d{4})年(\d{1,2})月(\d{1,2})日/);
  if (full) return iso(Number(full[1]), Number(full[2]), Number(full[3]));
  // The sentence that says the meeting was held carries its date; other dates in the text are of other meetings.
  const heldSentence = text.split(/(?<=[.。!?！？])\s*/).find((s) => /\bheld\b|\bwas convened\b|召开|举行/i.test(s)) ?? "";
  if (released && /\byesterday\b|昨天|昨日/i.test(heldSentence)) return shift(released, -1);
  const yearInText = Number(text.match(/\b(20\d{2})\b|(20\d{2})年/)?.[0]?.slice(0, 4)) || null;
  let month: number | null = null;
  let day: number | null = null;
  if (lang === "zh") {
    const m = heldSentence.match(/(\d{1,2})月(\d{1,2})日/) ?? text.match(/(\d{1,2})月(\d{1,2})日/);
    if (m) [month, day] = [Number(m[1]), Number(m[2])];
  } else {
    const re = new RegExp(
      `\\b(?:on|in|at)?\\s*(?:the (?:morning|afternoon|evening) of )?(${MONTHS.join("|")})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`,
      "i",
    );
    const m = heldSentence.match(re) ?? text.match(re);
    if (m) [month, day] = [MONTHS.indexOf(m[1].toLowerCase()) + 1, Number(m[2])];
  }
  if (month && day) {
    const year = released ? (month > released.m ? released.y - 1 : released.y) : yearInText;
    return year ? iso(year, month, day) : null;
  }
  if (released && /\b(yesterday)\b|昨天|昨日/i.test(text.slice(0, 400))) return shift(released, -1);
  if (released && /\b(today)\b|今天|今日/i.test(text.slice(0, 400))) return iso(released.y, released.m, released.d);
  return null;
}

const KINDS: [MeetingType, RegExp][] = [
  [
    "standing-committee-expanded",
    /standing committee[^.。]{0,60}?(?:\(?expanded\)?|\(?enlarged\)?|expansion)|(?:expanded|enlarged|expansion) meeting of the standing committee|常委会?[（(]?扩大[）)]?会议|常委[（(]扩大[）)]会|常委会议/i,
  ],
  [
    "party-group-enlarged",
    /party group[^.。]{0,60}?(?:enlarged|expanded)|(?:enlarged|expanded) meeting of the party group|党组[（(]?扩大[）)]?会议|党组会|党组召开[（(]扩大[）)]会议/i,
  ],
  ["theory-study-group", /theor(?:y|etical) (?:study|learning) (?:center |centre )?group|理论学习中心组/i],
  ["economic-analysis", /economic (?:operation |situation )?analysis|analysis meeting|经济(?:运行|形势)分析|月度分析会/i],
  ["executive", /executive meeting|常务会议/i],
];

/** The kind named where the report says what was held: the opening, then the whole text. */
export function meetingType(title: string, text: string): MeetingType {
  const opening = `${title}\n${text.slice(0, 600)}`;
  let best: { kind: MeetingType; at: number } | null = null;
  for (const [kind, re] of KINDS) {
    const m = re.exec(opening);
    if (m && (!best || m.index < best.at)) best = { kind, at: m.index };
  }
  if (best) return best.kind;
  for (const [kind, re] of KINDS) if (re.test(text)) return kind;
  return "other";
}

/** Common Chinese surnames in pinyin: a capitalised surname and given name make a person's name. */
const SURNAMES =
  "Zhang Wang Li Zhao Liu Chen Yang Huang Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Jin Fu Zhong Cui Tan Lv Fan Shi Qian Hou Meng Qin Bai Jia Xue Yan Duan Lei Long Tao Mao Hao Gu Kong Qiu Xia Shao Wan Yi Mo Dai Fang Kang Xiong Wen Zou Chang Niu Hong Gong Lai Qi Yin Bao Geng Ji Mu Ou Ge Yue Zhan Sheng Xing Lan Ning Nie Ai Lou Hua Ling".split(
    " ",
  );
const EN_NAME = new RegExp(`\\b(?:${SURNAMES.join("|")}) [A-Z][a-z]{1,12}\\b`, "g");
const NOT_GIVEN = /\b(?:Party|Municipal|Provincial|City|County|Committee|Government|Secretary|Mayor|Member|Deputy|Jinping)$/;

/** Pinyin names in a phrase, in order. */
function enNames(phrase: string): string[] {
  return (phrase.match(EN_NAME) ?? []).filter((n) => !NOT_GIVEN.test(n));
}

const ZH_TITLE =
  /(?:书记|副书记|市长|副市长|县长|副县长|区长|副区长|主任|副主任|部长|副部长|局长|主席|组长|秘书长|常委|委员|同志)/;

function zhNames(phrase: string): string[] {
  const out: string[] = [];
  const re = new RegExp(
    `${ZH_TITLE.source}([\\u4e00-\\u9fa5]{2,3}?)(?=主持|出席|参加|讲话|强调|指出|作|在|、|和|及|等|，|,|。|$)`,
    "g",
  );
  for (let m = re.exec(phrase); m; m = re.exec(phrase)) out.push(m[1]);
  return out;
}

export function people(text: string, lang: Lang): { presiders: string[]; speakers: string[]; attendees: string[] } {
  const presiders: string[] = [];
  const speakers: string[] = [];
  const attendees: string[] = [];
  const add = (list: string[], names: string[]) => {
    for (const n of names) if (!list.includes(n)) list.push(n);
  };
  const sents = text.split(/(?<=[.。!?！？])\s*|\n+/);
  for (const s of sents) {
    if (lang === "en") {
      const presided = s.match(/^(.*?)\bpresided over\b/i) ?? s.match(/presided over by ([^,.]+)/i);
      if (presided) add(presiders, enNames(presided[1]).slice(0, 1));
      if (/delivered (?:a|an important) speech|made (?:a|an important) speech|gave a speech|issued instructions/i.test(s)) {
        const subject = s.split(/\b(?:presided|delivered|made|gave|issued)\b/)[0];
        add(speakers, enNames(subject).slice(0, 1));
      }
      const said = s.match(/^(.{0,40}?) (?:pointed out|emphasized|stressed|said|required)\b/);
      if (said) add(speakers, enNames(said[1]).slice(0, 1));
      const attended = s.match(/^(.*?)\battended the meeting/i);
      if (attended) {
        const names = enNames(attended[1]);
        add(attendees, names.length ? names : [attended[1].replace(/^(?:and |also )/i, "").trim()]);
      }
    } else {
      if (/主持/.test(s)) add(presiders, zhNames(s.split(/主持/)[0] + "主持").slice(-1));
      if (/讲话|作重要讲话|强调|指出/.test(s)) {
        const before = s.split(/(?:并)?(?:作)?(?:重要)?讲话|强调|指出/)[0];
        const names = zhNames(`${before}讲话`);
        if (names.length && /讲话|主持/.test(s)) add(speakers, names.slice(-1));
      }
      const attended = s.match(/^(.*?)(?:出席|参加)(?:会议|了会议)/);
      if (attended) {
        const list = attended[1]
          .replace(/^(?:市|县|区)?领导/, "")
          .split(/[、和及]/)
          .map((x) => x.trim())
          .filter((x) => x && x.length <= 20);
        add(attendees, list.map((x) => x.replace(/^.*?(?:领导|同志)/, "")).filter(Boolean));
      }
    }
  }
  return { presiders, speakers, attendees };
}

export function organizer(text: string, lang: Lang, kind: MeetingType): string | null {
  if (lang === "zh") {
    const m = text.match(/([\u4e00-\u9fa5（）()]{2,30}?)(?:召开|举行)/);
    return m ? m[1].replace(/^.*?日(?:上午|下午|晚上)?/, "") || null : null;
  }
  const held = text.match(
    /(?:^|[,.]\s*)(?:On [^,]+,\s*|Yesterday,\s*|Today,\s*)?(the [a-z ]*[A-Za-z][\w ()’']{2,80}?|[A-Z][\w ()’']{2,80}?) held (?:a|an|the)\b/,
  );
  if (held)
    return held[1]
      .replace(/^the /, "")
      .replace(/^(?:On|Yesterday|Today)[^,]*,\s*/, "")
      .trim();
  if (kind === "standing-committee-expanded" || kind === "theory-study-group")
    return /provincial/i.test(text.slice(0, 200)) ? "Provincial Party Committee" : "Municipal Party Committee";
  return null;
}

/** Each higher-level speech, meeting or document whose spirit was conveyed or studied. */
export function studiedItems(text: string, lang: Lang): string[] {
  const out: string[] = [];
  if (lang === "zh") {
    // "传达学习全国两会精神、省委全会精神和市委常委会会议精神": up to the last 精神 of the clause, split at each.
    const re = /(?:传达学习|学习传达|传达|学习贯彻|深入学习)了?([^。；，,]+精神)/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      for (const part of m[1].split(/(?<=精神)(?:、|和|及|以及)/)) {
        const t = part.replace(/^(?:了|贯彻|落实)/, "").trim();
        if (t.length >= 4 && t.endsWith("精神")) out.push(t);
      }
    }
    return [...new Set(out)];
  }
  const re =
    /(?:convey(?:ed|ing)? and (?:study|studied|learn)|study and implement|studied and implemented|conveyed and studied|in-depth study and implementation of|learning and implementing)\s+(?:of\s+|from\s+)?(?:the\s+)?([^.]+)/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[1].replace(
      /,?\s*(?:deploy|and to study and implement the opinions|and studying and deploying|analyze|and plan)\b.*$/i,
      "",
    );
    for (const part of body.split(/,?\s+(?:and\s+)?(?:the\s+)?spirit of\s+|,\s+as well as\s+|;\s*/i)) {
      const t = part
        .replace(/^(?:the\s+)?spirit of\s+/i, "")
        .replace(/,?\s*etc\.?$/i, "")
        .trim();
      if (t.split(/\s+/).length >= 3) out.push(t);
    }
  }
  return [...new Set(out)];
}

/** Named special actions and measures in quotation marks. */
export function campaigns(text: string): string[] {
  const out: string[] = [];
  const re = /[“"]([^”"]{3,80})[”"]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1].trim();
    if (/\b(?:actions?|measures|campaign|project|strategy|plan)\b|行动|措施|工程|攻坚|战略|专项/i.test(name)) out.push(name);
  }
  const ten = text.match(/\b(ten|top ten|[0-9]+) special actions\b|十大专项行动/i);
  if (ten) out.push(ten[0]);
  return [...new Set(out)];
}

const EN_PLACES =
  /\b(?:[A-Z][a-z]+ (?:City|County|District|Province|Port Area|Economic Development Zone|Laboratory)|Jiaxing|Tongxiang|Fuxin|Jiashan|Haiyan|Haining|Pinghu|Nanhu|Xiuzhou|Wuzhen|Zhejiang|Liaoning)\b/g;
const EN_UNITS =
  /\b(?:the )?(?:Municipal|Provincial|City|County|District)? ?(?:[A-Z][a-z]+ )*(?:Bureau|Commission|Committee|Federation of Industry and Commerce|Department|Office|Government)\b/g;

/** Regions and units the report names. */
export function regionsAndUnits(text: string, lang: Lang): string[] {
  const out: string[] = [];
  if (lang === "zh") {
    for (const m of text.matchAll(/[\u4e00-\u9fa5]{2,8}?(?:省|市|县|区|镇|街道|开发区|港区)(?![委政长民])/g)) out.push(m[0]);
    for (const m of text.matchAll(/(?:市|县|区)?[\u4e00-\u9fa5]{2,10}?(?:局|委员会|发改委|经信局|工商联|办公室)/g))
      out.push(m[0]);
  } else {
    for (const m of text.matchAll(EN_PLACES)) out.push(m[0]);
    for (const m of text.matchAll(EN_UNITS)) {
      const u = m[0].replace(/^the /, "").trim();
      if (u.split(" ").length >= 2 && !/Central Committee|Political Bureau|Standing Committee|Party Central/.test(u)) out.push(u);
    }
  }
  return [...new Set(out)];
}
