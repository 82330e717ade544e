// The REST API, signed in by the session cookie (HttpOnly: this code never sees it).
export const BASE = '/switchboard/api';

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

export async function api(method, path, body) {
  // X-Requested-With: a 401 comes without a Basic challenge, so the browser shows no password dialog
  const options = { method, credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'switchboard-console' } };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(BASE + path, options);
  if (response.status === 204) return null;
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, (json && json.error) || response.statusText);
  return json;
}

/** An EventSource that shows its state in `indicator` and hands every named event to `handlers`. */
export function stream(path, handlers, indicator) {
  const source = new EventSource(BASE + path, { withCredentials: true });
  source.onopen = () => { indicator.className = 'stream live'; indicator.title = 'live'; };
  source.onerror = () => { indicator.className = 'stream down'; indicator.title = 'reconnecting…'; };
  for (const [name, handle] of Object.entries(handlers)) {
    source.addEventListener(name, (e) => handle(JSON.parse(e.data), e.lastEventId));
  }
  return source;
}
