// Small pieces several views show the same way: priority, mood, reasons, the sentiment chart.

import { h, svg } from '../dom.js';
import { t } from '../i18n.js';

/** The customer's name, else their id, else a word for it (the conversation id is shown beside it). */
export function customerName(conversation) {
  return conversation.customerName || conversation.customerId || t('customer.unnamed');
}

export function priorityBadge(priority) {
  if (!priority) return null;
  return h('span', { class: `badge priority-${priority}` }, t(`priority.${priority}`));
}

export function moodBadge(mood) {
  if (!mood) return null;
  const label = mood.sentiment || 'NEUTRAL';
  return h('span', { class: `badge mood mood-${label}`, title: t('package.frustration', { value: percent(mood.frustration) }) },
    h('span', { class: 'mood-dot', 'aria-hidden': 'true' }), t(`mood.${label}`));
}

export function reasonChips(reasons) {
  if (!reasons || reasons.length === 0) return null;
  return h('div', { class: 'chips' }, reasons.map((code) => h('span', { class: 'chip' }, reasonLabel(code))));
}

const REASONS = {
  en: {
    CUSTOMER_REQUEST: 'Asked for a person',
    NEGATIVE_SENTIMENT: 'Negative mood',
    BOT_FAILURE: 'Bot could not help',
    CRITICAL_ISSUE: 'Critical issue',
    REPEATED_CONTACT: 'Repeated contact',
    CUSTOMER_ATTRIBUTE: 'Customer attribute',
    KNOWN_INCIDENT: 'Known incident',
  },
  de: {
    CUSTOMER_REQUEST: 'Will einen Menschen',
    NEGATIVE_SENTIMENT: 'Negative Stimmung',
    BOT_FAILURE: 'Bot konnte nicht helfen',
    CRITICAL_ISSUE: 'Kritisches Problem',
    REPEATED_CONTACT: 'Erneuter Kontakt',
    CUSTOMER_ATTRIBUTE: 'Kundenmerkmal',
    KNOWN_INCIDENT: 'Bekannte Störung',
  },
};

export function reasonLabel(code) {
  const lang = document.documentElement.lang === 'de' ? 'de' : 'en';
  return REASONS[lang][code] || code.replace(/_/g, ' ').toLowerCase();
}

export function percent(value) {
  return `${Math.round((value || 0) * 100)} %`;
}

/** The sentiment trend as a small line chart (-1 to 1), in inline SVG; each point's label is its score. */
export function sentimentChart(points) {
  const width = 280;
  const height = 72;
  const pad = 8;
  const scores = points.map((point) => point.score);
  const x = (i) => (scores.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (scores.length - 1));
  const y = (score) => pad + ((1 - score) / 2) * (height - 2 * pad);
  const line = scores.map((score, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(score).toFixed(1)}`).join(' ');
  const area = `${line} L${x(scores.length - 1).toFixed(1)},${y(0)} L${x(0).toFixed(1)},${y(0)} Z`;
  const first = scores[0] ?? 0;
  const last = scores[scores.length - 1] ?? 0;
  const tone = last <= -0.25 ? 'negative' : last >= 0.25 ? 'positive' : 'neutral';
  return svg('svg', {
    class: `sparkline sparkline-${tone}`,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': t('mood.chart', { first: first.toFixed(1), last: last.toFixed(1) }),
  },
  svg('line', { class: 'sparkline-zero', x1: 0, x2: width, y1: y(0), y2: y(0) }),
  scores.length > 1 ? svg('path', { class: 'sparkline-area', d: area }) : null,
  scores.length > 1 ? svg('path', { class: 'sparkline-line', d: line }) : null,
  scores.map((score, i) => svg('circle', { class: `sparkline-point ${score <= -0.25 ? 'neg' : score >= 0.25 ? 'pos' : ''}`, cx: x(i).toFixed(1), cy: y(score).toFixed(1), r: i === scores.length - 1 ? 4 : 2.5 },
    svg('title', {}, score.toFixed(2)))));
}
