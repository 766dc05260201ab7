import { describe, expect, it } from "vitest";
import { REPEAT_SIMILARITY, shingles, similarityBands, textSimilarity } from "./similar-text.js";

describe("similar directives", () => {
  it("reads Chinese by character pairs and English by stemmed words without filler", () => {
    expect([...shingles("抓好安全")]).toEqual(["抓好", "好安", "安全"]);
    expect([...shingles("It is necessary to promote the projects")]).toEqual(["promote", "project"]);
  });

  it("a deployment emphasized again in other words is a repeat; a different one is not", () => {
    const a = "We must firmly grasp safety production and carry out special rectification of major hidden dangers";
    const b = "It is necessary to grasp safety production firmly and continue the special rectification of hidden dangers";
    const c = "We must accelerate the construction of major projects and ensure new projects start on time";
    expect(textSimilarity(a, b)).toBeGreaterThanOrEqual(REPEAT_SIMILARITY);
    expect(textSimilarity(a, c)).toBeLessThan(REPEAT_SIMILARITY);
    expect(textSimilarity("", a)).toBe(0);
  });

  it("similar texts share a band and the bands are stable", () => {
    const a = "要压紧压实安全生产责任，深入开展重大事故隐患专项排查整治";
    const b = "要压紧压实安全生产责任，持续开展重大事故隐患专项排查整治行动";
    expect(similarityBands(a)).toHaveLength(16);
    expect(similarityBands(a)).toEqual(similarityBands(a));
    expect(similarityBands(b).some((band) => similarityBands(a).includes(band))).toBe(true);
    expect(similarityBands("")).toEqual([]);
  });
});
