// The console's state in one place, and who to tell when it changes. Views read it and re-render; only main.js and
// the actions change it.

const listeners = new Set();

export const state = {
  settings: null,
  /** Offset from this browser's clock to the server's, so countdowns follow the server. */
  clockOffset: 0,
  identity: null,
  me: null,
  live: false,
  view: 'mine',
  conversations: new Map(),
  selected: null,
  unread: new Map(),
  flagged: new Set(),
  canned: new Map(),
};

export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function changed(what) {
  for (const listener of listeners) listener(what);
}

export function serverNow() {
  return Date.now() + state.clockOffset;
}

export function unreadTotal() {
  let total = 0;
  for (const count of state.unread.values()) total += count;
  return total;
}

/** A random UUID, also where crypto.randomUUID is missing (pages not served over https or from localhost). */
export function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
