import { describe, expect, it } from "vitest";
import { keywordsIn, rankLeadUnits } from "./lead-suggestions.js";

describe("keywords in a directive", () => {
  it("finds Chinese keywords anywhere and Latin ones as whole words, keeping the longer of nested ones", () => {
    expect(keywordsIn("加快推进重大项目建设，扩大有效投资", ["项目", "重大项目", "投资", "交通"])).toEqual(["重大项目", "投资"]);
    expect(keywordsIn("Support the Port of Jiaxing and its logistics", ["port", "logistics", "sport"])).toEqual([
      "port",
      "logistics",
    ]);
    expect(keywordsIn("We must support enterprises", ["port"])).toEqual([]);
  });
});

describe("ranking lead units", () => {
  const past = (unitId: string, directiveId: string, similarity: number) => ({
    unitId,
    directiveId,
    text: `directive ${directiveId}`,
    meetingTitle: "常委会",
    similarity,
  });

  it("adds up similar past directives and keywords; weak similarity and repeated directives do not count", () => {
    const ranked = rankLeadUnits(
      "加快推进重大项目建设，确保交通项目按期开工",
      [past("fgw", "d1", 0.8), past("fgw", "d1", 0.8), past("fgw", "d2", 0.5), past("jtj", "d3", 0.6), past("czj", "d4", 0.1)],
      [
        { id: "jtj", keywords: ["交通", "公路"] },
        { id: "kjj", keywords: ["科技"] },
        { id: "fgw", keywords: ["重大项目"] },
      ],
    );
    // fgw: 0.8 + 0.5 + one keyword (0.25); jtj: 0.6 + one keyword (0.25).
    expect(ranked.map((s) => [s.unitId, s.score, s.similar.map((p) => p.directiveId), s.keywords])).toEqual([
      ["fgw", 1.55, ["d1", "d2"], ["重大项目"]],
      ["jtj", 0.85, ["d3"], ["交通"]],
    ]);
  });

  it("suggests nothing without evidence, and at most `limit` units", () => {
    expect(rankLeadUnits("开展调研", [], [{ id: "a", keywords: ["项目"] }])).toEqual([]);
    const many = Array.from({ length: 8 }, (_, i) => ({ id: `u${i}`, keywords: ["项目"] }));
    expect(rankLeadUnits("项目", [], many, 3)).toHaveLength(3);
  });
});
