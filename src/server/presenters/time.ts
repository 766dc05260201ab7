/** Timestamps leave the server as ISO 8601 in UTC, whatever the driver handed back. */
export const iso = (value: string | Date) => new Date(value).toISOString();
export const isoOrNull = (value: string | Date | null) => (value ? iso(value) : null);
