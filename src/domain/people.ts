/** Regions, units, users and roles: the vocabulary of who is who. Pure. */

export const REGION_LEVELS = ["province", "city", "county", "township"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const UNIT_KINDS = ["committee", "government", "department", "district", "zone", "enterprise", "other"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ROLES = ["admin", "coordinator", "leader", "reporter", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** A child region must sit exactly one level below its parent (a township under a county, not under a province). */
export function expectedParentLevel(level: RegionLevel): RegionLevel | null {
  const i = REGION_LEVELS.indexOf(level);
  return i <= 0 ? null : REGION_LEVELS[i - 1];
}

/** Administrative division codes: 6 digits (province, city, county) or 9/12 digits (township). */
export function isAdministrativeCode(code: string, level: RegionLevel): boolean {
  if (level === "township") return /^\d{9}(\d{3})?$/.test(code);
  return /^\d{6}$/.test(code);
}

/** Materialized path of region ids from the root: "/a/b/c/". */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? "/"}${id}/`;
}

export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/**
 * Moving `id` under `newParentId` makes a cycle when the new parent is the node itself
 * or one of its descendants (its path passes through the node).
 */
export function wouldCreateCycle(id: string, newParentPath: string | null, newParentId: string | null): boolean {
  if (newParentId === null) return false;
  if (newParentId === id) return true;
  return newParentPath?.includes(`/${id}/`) ?? false;
}

/** Generic cycle test for parent links held in a map (units). */
export function parentChainHasCycle(
  id: string,
  newParentId: string | null,
  parentOf: (id: string) => string | null | undefined,
): boolean {
  let cur = newParentId;
  const seen = new Set<string>();
  while (cur) {
    if (cur === id || seen.has(cur)) return true;
    seen.add(cur);
    cur = parentOf(cur) ?? null;
  }
  return false;
}

/** Usernames are case-insensitive; kept lower-case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export const PASSWORD_MIN_LENGTH = 10;

/** Minimum password policy: length and at least two kinds of character. Returns a reason code or null. */
export function passwordProblem(password: string, username?: string): "too_short" | "too_simple" | "contains_username" | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "too_short";
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (kinds < 2) return "too_simple";
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return "contains_username";
  return null;
}
