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
    /** The whole answer, for errors that carry more (an import's list of bad rows). */
    readonly body: unknown = null,
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
    throw new ApiError(res.status, data?.code ?? "error", data?.message ?? res.statusText, data?.fields ?? [], data);
  }
  return data as T;
}

/**
 * Sends a file's bytes as the body, its name in X-File-Name (attachments, ledgers). XMLHttpRequest
 * rather than fetch, because only it reports how much of a large file has gone up.
 */
function upload<T>(path: string, file: File, onProgress?: (sent: number, total: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.setRequestHeader("accept-language", acceptLanguage);
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.total);
    xhr.onerror = () => reject(new ApiError(0, "network", "network"));
    xhr.onload = () => {
      let data: { code?: string; message?: string; fields?: [] } | null = null;
      try {
        data = xhr.getResponseHeader("content-type")?.includes("json") ? JSON.parse(xhr.responseText) : null;
      } catch {}
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else {
        if (xhr.status === 401) onUnauthorized();
        reject(new ApiError(xhr.status, data?.code ?? "error", data?.message ?? xhr.statusText, data?.fields ?? [], data));
      }
    };
    xhr.send(file);
  });
}

export const api = {
  upload,
  get: <T>(path: string, query?: Query) => request<T>("GET", withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, body),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path, {}),
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
  totalCapped?: boolean;
}
