import { Tag } from "antd";
import type { Locale } from "../../i18n/index.js";
import { useT } from "../../i18n/index.js";

export type Light = "ahead" | "close" | "behind";
export const LIGHT_COLOURS: Record<Light, string> = { ahead: "#389e0d", close: "#d48806", behind: "#cf1322" };

/** A figure with the digits its indicator is published with, thousands grouped. */
export function fmt(value: number | null | undefined, decimals: number, locale: Locale): string {
  if (value == null) return "—";
  return value.toLocaleString(locale === "en" ? "en-US" : "zh-CN", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}
/** A growth rate or a change in points, one decimal, signed when it falls. */
export const pct1 = (value: number | null | undefined) => (value == null ? "—" : (Math.round(value * 10 + 1e-9) / 10).toFixed(1));

interface Named {
  nameZh: string;
  nameEn: string;
  measureUnit: string;
  measureUnitEn: string;
}
export const indicatorName = (i: Named, locale: Locale) => (locale === "en" ? i.nameEn : i.nameZh);
export const unitOf = (i: Named, locale: Locale) => (locale === "en" ? i.measureUnitEn : i.measureUnit);
export const regionName = (r: { name: string; nameEn?: string | null }, locale: Locale) =>
  locale === "en" && r.nameEn ? r.nameEn : r.name;

export function LightTag({ light }: { light: Light | null }) {
  const t = useT();
  if (!light) return <Tag>{t("ind.noTarget")}</Tag>;
  return (
    <Tag color={LIGHT_COLOURS[light]} data-testid={`light-${light}`}>
      {t(`ind.light.${light}`)}
    </Tag>
  );
}

/** A target in words: "growth 6.5%" or the value with its unit. */
export function targetText(
  target: { kind: "growth"; growth: number } | { kind: "value"; value: number } | null,
  decimals: number,
  unit: string,
  locale: Locale,
  t: ReturnType<typeof useT>,
): string {
  if (!target) return "—";
  return target.kind === "growth"
    ? t("ind.targetGrowth", { value: pct1(target.growth) })
    : `${fmt(target.value, decimals, locale)} ${unit}`;
}
