/**
 * How much the scale generator makes. Scale 1 is a city (a city's supervision office and the
 * counties under it); scale 100 is a province of 11 cities and 100 counties with 3,000 units,
 * 20,000 users, 300,000 tasks and about 3 million progress reports (monthly since each task
 * started, thirteen at most). Everything grows linearly with the scale, so 1×, 10× and 100×
 * compare the same shape of data.
 */
export const CITY_SCALE = 1;
export const PROVINCE_SCALE = 100;

export interface ScaleSizes {
  scale: number;
  /** City-level regions in all, the demo's Jiaxing included. */
  cities: number;
  /** County-level regions in all, the demo's seven included. */
  counties: number;
  /** Units and users added to the demo's own. */
  units: number;
  users: number;
  meetings: number;
  directivesPerMeeting: number;
  tasksPerDirective: number;
  reportsPerTask: number;
  projects: number;
  projectMonths: number;
  /** Indicators in the catalogue, the demo's included, and months of values for each region. */
  indicators: number;
  indicatorMonths: number;
  /** Months of published bulletins per city office. */
  bulletinMonths: number;
}

/** `city`, `province` or a positive whole number (the multiple of a city). */
export function parseScale(text: string): number | null {
  if (text === "city") return CITY_SCALE;
  if (text === "province") return PROVINCE_SCALE;
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 1000 ? n : null;
}

export function scaleSizes(scale: number): ScaleSizes {
  return {
    scale,
    cities: Math.max(1, Math.round((11 * scale) / 100)),
    counties: Math.max(7, scale),
    units: 30 * scale,
    users: 200 * scale,
    meetings: 50 * scale,
    directivesPerMeeting: 12,
    tasksPerDirective: 5,
    reportsPerTask: 13,
    projects: 300 * scale,
    projectMonths: 36,
    indicators: 100,
    indicatorMonths: 120,
    bulletinMonths: 3,
  };
}

export const taskCount = (s: ScaleSizes) => s.meetings * s.directivesPerMeeting * s.tasksPerDirective;
