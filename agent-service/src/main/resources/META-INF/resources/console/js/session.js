// The signed-in agent's bearer token: kept in this tab's sessionStorage only (gone when the tab closes), never in a
// URL, a cookie or a log. The token's claims are read for display; the services verify it on every call.

const KEY = 'handover-console.token';

export function token() {
  return sessionStorage.getItem(KEY);
}

export function signIn(bearer) {
  const claims = claimsOf(bearer);
  if (!claims) throw new Error('not a JSON Web Token');
  if (claims.exp && claims.exp * 1000 < Date.now()) throw new Error('this token has expired');
  sessionStorage.setItem(KEY, bearer.trim());
  return identity();
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/** {id, name, supervisor} of the token in this tab, or null. */
export function identity() {
  const bearer = token();
  const claims = bearer && claimsOf(bearer);
  if (!claims || (claims.exp && claims.exp * 1000 < Date.now())) return null;
  const groups = Array.isArray(claims.groups) ? claims.groups : [];
  const id = claims.upn || claims.preferred_username || claims.sub;
  return { id, name: claims.name || id, supervisor: groups.includes('supervisor') };
}

function claimsOf(bearer) {
  const parts = String(bearer || '').trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}
