/** The typed fetch client: JSON in and out, the CSRF token on every mutation, errors as ApiError. */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

let csrfToken = "";
let acceptLanguage = "zh-CN";
let onUnauthorized: () => void = () => {};

export const setCsrfToken = (token: string) => {
  csrfToken = token;
};
export const setApiLanguage = (locale: string) => {
  acceptLanguage = locale;
};
export const setUnauthorizedHandler = (fn: () => void) => {
  onUnauthorized = fn;
};

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": acceptLanguage };
  if (method !== "GET") {
    headers["content-type"] = "application/json";
    if (csrfToken) headers["x-csrf-token"] = csrfToken;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network", "network");
  }
  const data = res.headers.get("content-type")?.includes("json") ? await res.json() : null;
  if (!res.ok) {
    if (res.status === 401 && !path.endsWith("/auth/login") && !path.endsWith("/auth/session")) onUnauthorized();
    throw new ApiError(res.status, data?.code ?? "error", data?.message ?? res.statusText, data?.fields ?? []);
  }
  return data as T;
}

/** Sends a file's bytes as the body, its name in X-File-Name (the attachments API). */
async function upload<T>(path: string, file: File): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: "POST",
      headers: {
        "content-type": "application/octet-stream",
        "x-file-name": encodeURIComponent(file.name),
        "x-csrf-token": csrfToken,
        "accept-language": acceptLanguage,
      },
      body: file,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network", "network");
  }
  const data = res.headers.get("content-type")?.includes("json") ? await res.json() : null;
  if (!res.ok) throw new ApiError(res.status, data?.code ?? "error", data?.message ?? res.statusText, data?.fields ?? []);
  return data as T;
}

export const api = {
  upload,
  get: <T>(path: string, query?: Query) => request<T>("GET", withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, body),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body),
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}
