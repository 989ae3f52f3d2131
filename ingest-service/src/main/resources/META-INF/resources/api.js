// The ingest service's API (docs/web-app.md) with the bearer token. Paths are relative, so the page also works
// behind a proxy that serves it under a prefix.

const TOKEN_KEY = 'xray-anomaly.api-token';

/** The API token, kept per browser tab (sessionStorage): closing the tab forgets it. */
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** A non-2xx answer; `problem` is the RFC 9457 body when the server sent one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }

  get isAuth() {
    return this.status === 401 || this.status === 403;
  }
}

function describe(status, problem) {
  const detail = problem?.detail ? `: ${problem.detail}` : '';
  if (status === 401) return `No API token was sent (401)${detail}`;
  if (status === 403) return `The API token was refused (403)${detail}`;
  return `${problem?.title ?? 'Request failed'} (${status})${detail}`;
}

const authFailureListeners = [];

/** Called with the ApiError whenever the server answers 401 or 403. */
export function onAuthFailure(listener) {
  authFailureListeners.push(listener);
}

/**
 * fetch() with the token. Throws ApiError for a status outside 2xx unless it is listed in `accept`
 * (the polling of an image that is not on a topic yet expects 404).
 */
export async function apiFetch(path, { accept = [], ...init } = {}) {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${token.get() ?? ''}`);
  const response = await fetch(path, { ...init, headers });
  if (response.ok || accept.includes(response.status)) return response;
  const error = new ApiError(response.status, await readProblem(response));
  // A request aborted meanwhile (the first refusal stops the others) has nothing new to tell.
  if (error.isAuth && !init.signal?.aborted) authFailureListeners.forEach((listener) => listener(error));
  throw error;
}

/** GET JSON; null for a status listed in `accept`. */
export async function getJson(path, { signal, accept = [] } = {}) {
  const response = await apiFetch(path, { signal, accept, headers: { Accept: 'application/json' } });
  return response.ok ? response.json() : null;
}

async function readProblem(response) {
  try {
    return (response.headers.get('Content-Type') ?? '').includes('json')
      ? await response.json()
      : { detail: (await response.text()).slice(0, 300) || undefined };
  } catch {
    return undefined;
  }
}
