/** Page furniture: comment forms, share buttons, editor and source lines. Removed before reading. */
const FURNITURE = [
  /^leave a (reply|comment)\b/i,
  /^your email address will not be published/i,
  /^this site uses akismet/i,
  /^required fields are marked/i,
  /^(share|share this|print|close|close window|back to top|related (articles|news))\b[:：]?\s*$/i,
  /^(editor( in charge)?|responsible editor|reporter|photo(grapher)?|proofread(er)?)\s*[:：]/i,
  /^(source( of information)?|from)\s*[:：]/i,
  /^(release date|date|published|posted on|time)\s*[:：]\s*\d{4}/i,
  /^(责任编辑|编辑|来源|信息来源|发布时间|发布日期|日期|时间|作者|记者|摄影|审核|校对|浏览次数|点击数)\s*[:：]/,
  /^(分享到|【?打印】?|【?关闭】?|关闭窗口|字号|【字体|发表评论|相关阅读|上一篇|下一篇)/,
  /^\((office|办公室)\)$/i,
];

export function isFurniture(line: string): boolean {
  const t = line.trim();
  return FURNITURE.some((re) => re.test(t));
}

/** Normalizes white space and drops furniture lines, keeping paragraphs. */
export function cleanReport(raw: string): string {
  const text = raw
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u3000\t]+/g, " ")
    .replace(/[\u200b-\u200d\ufeff]/g, "");
  const lines = text.split("\n").map((l) => l.trim());
  const kept = lines.filter((l) => !isFurniture(l));
  return kept
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The report's own publication date, when a furniture line or a "date" prefix gives one. */
export function releaseDate(raw: string): { y: number; m: number; d: number } | null {
  const m =
    raw.match(
      /(?:release date|date|published|posted on|发布(?:时间|日期)|日期|时间)\s*[:：]?\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/i,
    ) ?? raw.match(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}
