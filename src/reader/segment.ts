/** Splitting a report into paragraphs, sentences and clauses, keeping offsets into the text. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t) out.push({ text: t, start: m.index + lead, end: m.index + lead + t.length });
  }
  return out;
}

const ABBREVIATIONS = /\b(No|Mr|Mrs|Ms|Dr|St|etc|Co|Ltd|vs|e\.g|i\.e)\.$/i;

/** Sentences end at . ! ? 。 ！ ？ (not after "No." and the like); a piece that starts with a comma or a lower-case word belongs to the one before. */
export function sentences(p: Span): Span[] {
  const out: Span[] = [];
  const re = /[.!?。！？]+[”"’)）]*/g;
  let from = 0;
  const push = (to: number) => {
    const raw = p.text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (!t) return;
    const span = { text: t, start: p.start + from + lead, end: p.start + from + lead + t.length };
    const prev = out[out.length - 1];
    if (prev && /^[,，;；:、a-z]/.test(t)) {
      prev.text = p.text.slice(prev.start - p.start, span.end - p.start);
      prev.end = span.end;
    } else out.push(span);
  };
  for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
    const end = m.index + m[0].length;
    if (m[0] === "." && ABBREVIATIONS.test(p.text.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    const next = p.text.slice(end, end + 1);
    // "No.1", "12.4%" and "e.g." do not end a sentence; Chinese typed with ASCII stops does ("情况.会议").
    if (m[0].startsWith(".") && next && !/\s/.test(next) && !/[\u4e00-\u9fff“"]/.test(next)) continue;
    push(end);
    from = end;
  }
  push(p.text.length);
  return out;
}

/** Splits at ; or ； — the caller decides which pieces stand on their own. */
export function clauses(s: Span): Span[] {
  const out: Span[] = [];
  const re = /[;；]/g;
  let from = 0;
  const push = (to: number) => {
    const raw = s.text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ text: t, start: s.start + from + lead, end: s.start + from + lead + t.length });
  };
  for (let m = re.exec(s.text); m; m = re.exec(s.text)) {
    push(m.index + 1);
    from = m.index + 1;
  }
  push(s.text.length);
  return out;
}
