import type { CSSProperties } from "react";

/** The cockpit's dark panels and muted text. */
export const PANEL: CSSProperties = {
  background: "#0f1d33",
  border: "1px solid #1f3a5f",
  borderRadius: 6,
  padding: 12,
  height: "100%",
};
export const MUTED = "#8fa6c4";
