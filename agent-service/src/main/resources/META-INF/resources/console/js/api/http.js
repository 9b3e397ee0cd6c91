// What every API client shares: the bearer token, JSON in and out, and problems (RFC 9457) turned into errors whose
// message a person can read. Screens never build requests themselves.

import { token } from '../session.js';

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
  }
}

export function client(baseUrl) {
  return {
    get: (path, query) => request(baseUrl, 'GET', path, undefined, query),
    post: (path, body) => request(baseUrl, 'POST', path, body),
    put: (path, body) => request(baseUrl, 'PUT', path, body),
    delete: (path) => request(baseUrl, 'DELETE', path),
    raw: (path, init) => fetch(url(baseUrl, path), { ...init, headers: headers(init && init.headers) }),
  };
}

async function request(baseUrl, method, path, body, query) {
  let response;
  try {
    response = await fetch(url(baseUrl, path, query), {
      method,
      headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'unreachable', `${new URL(baseUrl, location.href).host} cannot be reached`);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new ApiError(response.status, payload && payload.title, (payload && payload.detail) || response.statusText);
  }
  return payload;
}

function url(baseUrl, path, query) {
  const target = new URL(baseUrl.replace(/\/$/, '') + path, location.href);
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') target.searchParams.set(name, value);
  }
  return target.toString();
}

function headers(extra) {
  const all = { Accept: 'application/json', ...extra };
  const bearer = token();
  if (bearer) all.Authorization = `Bearer ${bearer}`;
  return all;
}

/** Encodes one path segment (conversation ids come from channels and may hold anything). */
export function seg(value) {
  return encodeURIComponent(value);
}
