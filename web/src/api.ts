// The workbench's calls to the API: JSON over the session cookie, problems (RFC 9457) as ApiError with their code
// and field errors, and a polling hook that refreshes a view while the page is visible.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface FieldError {
  path: string;
  message: string;
}
export interface Problem {
  code: string;
  title: string;
  status: number;
  detail?: string;
  errors: FieldError[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title);
  }
}

let language = 'zh-CN';
export const setApiLanguage = (lang: 'zh' | 'en') => {
  language = lang === 'zh' ? 'zh-CN' : 'en';
};

/** Called on 401 anywhere: the app goes back to the sign-in page. */
let onSignedOut: () => void = () => undefined;
export const whenSignedOut = (f: () => void) => {
  onSignedOut = f;
};

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'accept-language': language,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return null as T;
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    const p = (json ?? {}) as Partial<Problem>;
    const problem: Problem = {
      code: p.code ?? `HTTP_${res.status}`,
      title: p.title ?? res.statusText,
      status: res.status,
      detail: p.detail,
      errors: p.errors ?? [],
    };
    if (res.status === 401 && path !== '/api/session') onSignedOut();
    throw new ApiError(res.status, problem);
  }
  return json as T;
}

export const get = <T>(path: string) => api<T>('GET', path);

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Loads `path` and reloads it every `everyMs` while the tab is visible (cases and tasks change under the user's
 * eyes: another officer's step, a clock that fired). */
export function usePoll<T>(path: string | null, everyMs = 5000) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const current = useRef(path);
  current.current = path;
  const load = useCallback(async () => {
    if (!path) return;
    try {
      const d = await get<T>(path);
      if (current.current === path) {
        setData(d);
        setError(null);
      }
    } catch (e) {
      if (current.current === path) setError(e instanceof ApiError ? e : null);
    } finally {
      if (current.current === path) setLoading(false);
    }
  }, [path]);
  useEffect(() => {
    setLoading(true);
    void load();
    if (!everyMs) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, everyMs);
    return () => clearInterval(timer);
  }, [load, everyMs]);
  return { data, error, loading, reload: load };
}

export function newIdempotencyKey(): string {
  return `web-${crypto.randomUUID()}`;
}
