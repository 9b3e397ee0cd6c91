// The console's words in German and English. The browser's language decides at first; the switch in the top bar
// changes it for this browser.

import de from './words/de.js';
import en from './words/en.js';

const KEY = 'handover-console.language';

const WORDS = { en, de };

export const LANGUAGES = ['de', 'en'];

let current = initial();

function initial() {
  const chosen = localStorage.getItem(KEY);
  if (LANGUAGES.includes(chosen)) return chosen;
  const browser = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  return browser.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function language() {
  return current;
}

export function setLanguage(next) {
  current = LANGUAGES.includes(next) ? next : 'en';
  localStorage.setItem(KEY, current);
  document.documentElement.lang = current;
}

/** t('offer.expires', {time: '0:12'}); an unknown key shows as itself, so a missing word is visible, not blank. */
export function t(key, values = {}) {
  const text = WORDS[current][key] ?? WORDS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

export function has(key) {
  return key in WORDS[current] || key in WORDS.en;
}

export function formatTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleTimeString(current, { hour: '2-digit', minute: '2-digit' });
}

export function formatDateTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(current, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatWait(seconds) {
  if (seconds === null || seconds === undefined) return t('time.unknown');
  if (seconds < 60) return t('time.underMinute');
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? t('time.minutes', { n: minutes }) : t('time.hours', { n: Math.floor(minutes / 60), m: minutes % 60 });
}
