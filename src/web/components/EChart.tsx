import { BarChart, LineChart, MapChart, PieChart, ScatterChart } from "echarts/charts";
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only what the dashboards draw, so the bundle carries no more of ECharts than that.
echarts.use([
  BarChart,
  LineChart,
  MapChart,
  PieChart,
  ScatterChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/** Makes a GeoJSON outline available to map series under `name`. */
export const registerMap = (name: string, geojson: object) =>
  echarts.registerMap(name, geojson as Parameters<typeof echarts.registerMap>[1]);

export type EChartOption = echarts.EChartsCoreOption;

/** One ECharts chart that follows its container's width. */
export function EChart({ option, height = 300, testId }: { option: EChartOption; height?: number; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    chart.current = echarts.init(el.current);
    const resize = new ResizeObserver(() => chart.current?.resize());
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={el} style={{ width: "100%", height }} data-testid={testId} />;
}
