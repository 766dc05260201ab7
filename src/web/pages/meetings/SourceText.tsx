import { Typography } from "antd";
import { Fragment } from "react";

/** The report text with the directives' spans highlighted; each mark can be scrolled to by its index. */
export function SourceText({
  text,
  spans,
  active,
}: {
  text: string;
  spans: { start: number | null; end: number | null }[];
  active?: number | null;
}) {
  const marks = spans
    .map((s, i) => ({ ...s, i }))
    .filter(
      (s): s is { start: number; end: number; i: number } =>
        s.start !== null && s.end !== null && s.end > s.start && s.end <= text.length,
    )
    .sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    parts.push(<Fragment key={`t${at}`}>{text.slice(at, m.start)}</Fragment>);
    parts.push(
      <mark
        key={`m${m.i}`}
        id={`source-mark-${m.i}`}
        style={{ background: active === m.i ? "#ffd591" : "#fff1b8", padding: "0 2px" }}
      >
        <sup style={{ color: "#b71c1c", marginRight: 2 }}>{m.i + 1}</sup>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  parts.push(<Fragment key="tail">{text.slice(at)}</Fragment>);
  return (
    <Typography.Paragraph
      style={{ whiteSpace: "pre-wrap", lineHeight: 1.9, maxHeight: "70vh", overflow: "auto", marginBottom: 0 }}
      data-testid="source-text"
    >
      {parts}
    </Typography.Paragraph>
  );
}
