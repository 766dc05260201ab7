import { describe, expect, it } from "vitest";
import { htmlToText } from "./html.js";
import { detectLang, readReport } from "./index.js";
import { matchDirectives, overlap, prf, resolveAnchor } from "./score.js";

const texts = (r: ReturnType<typeof readReport>) => r.directives.map((d) => d.text);

describe("page furniture", () => {
  it("drops comment forms, share buttons, editor and source lines", () => {
    const r = readReport(
      "Meeting held\nSource: Daily\nEditor in charge: Liu\n\nOn May 3, 2023, the meeting was held. It is necessary to speed up projects.\n\nLeave a Reply\nYour email address will not be published.\n分享到：微信\n责任编辑：王",
    );
    expect(r.text).not.toMatch(/Leave a Reply|Editor in charge|Source:|分享到|责任编辑/);
    expect(texts(r)).toEqual(["It is necessary to speed up projects"]);
  });
});

describe("language", () => {
  it("tells Chinese from English, and neither from too little text", () => {
    expect(detectLang("会议强调，要加快推进重大项目建设，确保按期开工。")).toBe("zh");
    expect(detectLang("The meeting emphasized that it is necessary to speed up major projects.")).toBe("en");
    expect(detectLang("12345 — 67890")).toBeNull();
  });
});

describe("the meeting date", () => {
  it("resolves a month and day against the release date, rolling back a year when the month is later", () => {
    expect(readReport("Release date: 2022-05-30\nOn the morning of May 27, the meeting was held.").date).toBe("2022-05-27");
    expect(readReport("Release date: 2023-01-05\nOn December 29, the meeting was held.").date).toBe("2022-12-29");
  });
  it("reads 'yesterday' against the release date, and a full Chinese date as it is", () => {
    expect(readReport(" date 2022-07-28 Meeting\n\nYesterday, Jiaxing held a meeting.").date).toBe("2022-07-27");
    expect(readReport("2023年3月14日上午，县委常委会召开会议。要抓好项目建设。").date).toBe("2023-03-14");
  });
  it("is null when the report gives none", () => {
    expect(readReport("The meeting was held. It is necessary to speed up major projects.").date).toBeNull();
  });
  it("takes the date of the sentence that says the meeting was held, not of other meetings", () => {
    expect(
      readReport("Date: 2022-07-28\nOn July 27, the city held a meeting to implement the spirit of the meeting on July 25.").date,
    ).toBe("2022-07-27");
  });
});

describe("directives", () => {
  it("one per clause where a sentence joins several deployments with a semicolon", () => {
    const r = readReport(
      "The meeting emphasized that we must activate the engine. Further activate the market, implement policies; further activate major projects, speed up promotion; further activate industry, guarantee production.",
    );
    expect(texts(r)).toEqual([
      "We must activate the engine",
      "Further activate the market, implement policies",
      "further activate major projects, speed up promotion",
      "further activate industry, guarantee production",
    ]);
  });

  it("keeps a list inside one deployment together when the clause after ';' does not deploy by itself", () => {
    const r = readReport("It is necessary to strengthen services; the guarantee of land and energy for key projects.");
    expect(texts(r)).toEqual(["It is necessary to strengthen services; the guarantee of land and energy for key projects"]);
  });

  it("ignores markers inside quotation marks and accounts of the past", () => {
    const r = readReport(
      "The meeting pointed out that since the beginning of this year, the city has implemented the instructions that “the economy must be stabilized”, and the economy has rebounded. Speed up; the situation remains stable.",
    );
    expect(texts(r)).toEqual([]);
  });

  it("reads Chinese with full-width and with ASCII punctuation alike", () => {
    const full = readReport("会议强调，要加快推进重大项目建设，确保按期开工；要全力稳住工业基本盘。会议还研究了其他事项。");
    const ascii = readReport("会议强调,要加快推进重大项目建设,确保按期开工;要全力稳住工业基本盘.会议还研究了其他事项.");
    expect(texts(full)).toEqual(["要加快推进重大项目建设，确保按期开工", "要全力稳住工业基本盘"]);
    expect(texts(ascii)).toEqual(["要加快推进重大项目建设,确保按期开工", "要全力稳住工业基本盘"]);
  });

  it("numbered items joined by semicolons are one directive each; an assessment before 必须 is left out", () => {
    const r = readReport(
      "会议指出,会议精神指明了方向,必须深刻领会、抓好落实.会议要求,一是要抓项目扩投资,推动开工;二是要抓企业稳工业;三是要抓消费促恢复.",
    );
    expect(texts(r)).toEqual([
      "必须深刻领会、抓好落实",
      "一是要抓项目扩投资,推动开工",
      "二是要抓企业稳工业",
      "三是要抓消费促恢复",
    ]);
    expect(readReport("2月27日上午,县政府党组召开(扩大)会议.").meetingType).toBe("party-group-enlarged");
  });

  it("offsets point at the directive in the cleaned text", () => {
    const r = readReport("Title\n\nThe meeting stressed that it is necessary to speed up projects.");
    const d = r.directives[0];
    expect(r.text.slice(d.start, d.end).toLowerCase()).toBe(d.text.toLowerCase());
  });

  it("a report with no deployment has no directives", () => {
    expect(readReport("The meeting listened to reports from all units. Members attended the meeting.").directives).toEqual([]);
  });
});

describe("people, kind, studied items and campaigns", () => {
  it("English: presider, speaker and attendees from the usual phrasing", () => {
    const r = readReport(
      "On May 27, the Municipal Standing Committee (expanded) meeting was held to convey and study the spirit of the national teleconference on stabilizing the economy. Secretary of the Municipal Party Committee Yu Huiyou presided over the meeting and delivered a speech. City leaders Pan Chuandi and Chen Lingen attended the meeting.",
    );
    expect(r.meetingType).toBe("standing-committee-expanded");
    expect(r.presiders).toEqual(["Yu Huiyou"]);
    expect(r.speakers).toEqual(["Yu Huiyou"]);
    expect(r.attendees).toEqual(["Pan Chuandi", "Chen Lingen"]);
    expect(r.studied).toEqual(["the national teleconference on stabilizing the economy"]);
  });

  it("Chinese: presider and studied items", () => {
    const r = readReport(
      "3月14日上午，县委常委会（扩大）会议召开，传达学习全国两会精神、省委全会精神。县委书记陈伟峰主持会议并讲话。会议强调，要抓好项目。",
    );
    expect(r.presiders).toEqual(["陈伟峰"]);
    expect(r.studied).toEqual(["全国两会精神", "省委全会精神"]);
    expect(r.meetingType).toBe("standing-committee-expanded");
  });

  it("kinds: party group, theory study group, economic analysis, executive, other", () => {
    expect(readReport("The party group of the municipal government held an enlarged meeting.").meetingType).toBe(
      "party-group-enlarged",
    );
    expect(readReport("区委理论学习中心组举行专题学习会。").meetingType).toBe("theory-study-group");
    expect(readReport("全市经济运行分析会召开。").meetingType).toBe("economic-analysis");
    expect(readReport("市政府召开第28次常务会议。").meetingType).toBe("executive");
    expect(readReport("A forum on rural tourism was held in the town.").meetingType).toBe("other");
  });

  it("named campaigns and measures in quotation marks", () => {
    const r = readReport("Combine the “27 Measures” with the “Top Ten Hundred-Day Tough Actions” and the “big appearance”.");
    expect(r.campaigns).toEqual(["27 Measures", "Top Ten Hundred-Day Tough Actions"]);
  });
});

describe("html", () => {
  it("keeps the text of the page, not its scripts or navigation", () => {
    const text = htmlToText(
      "<html><head><script>alert(1)</script><style>p{}</style></head><body><nav>Home</nav><h1>Meeting</h1><p>It is necessary to&nbsp;act &ldquo;now&rdquo;.</p></body></html>",
    );
    expect(text).toBe("Meeting\n\nIt is necessary to act “now”.");
  });
});

describe("scoring", () => {
  it("overlap is 1 for the same words and falls with what differs; Chinese by characters", () => {
    expect(overlap("We must act now.", "we must act now", "en")).toBe(1);
    expect(overlap("we must act now", "we must act", "en")).toBe(0.75);
    expect(overlap("要加快推进", "要加快推进项目", "zh")).toBeCloseTo(5 / 7);
  });

  it("matches one to one and computes precision, recall and F1", () => {
    const m = matchDirectives(["a b c d e", "x y z"], ["a b c d e", "a b c d f", "q r s"], "en");
    expect(m.truePositives).toBe(1);
    expect(prf(1, 2, 3)).toEqual({ precision: 0.5, recall: 1 / 3, f1: 0.4 });
  });

  it("gold anchors resolve to the verbatim text between them", () => {
    expect(resolveAnchor("one two three four", { from: "two", to: "three" })).toBe("two three");
    expect(resolveAnchor("one two", { from: "nine", to: "two" })).toBeNull();
  });
});
