// Small DOM and formatting helpers shared by the pages. Text always goes in as text nodes, never
// as HTML, so names and details from rigs cannot inject markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

const HASH_UNITS = ['H/s', 'kH/s', 'MH/s', 'GH/s', 'TH/s', 'PH/s', 'EH/s'];

export function hashrate(hs) {
  if (hs === null || hs === undefined) return '—';
  let value = Number(hs);
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < HASH_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)} ${HASH_UNITS[unit]}`;
}

export function watts(w) {
  if (w === null || w === undefined) return '—';
  return w >= 10000 ? `${(w / 1000).toFixed(1)} kW` : `${Math.round(w)} W`;
}

export function celsius(c) {
  return c === null || c === undefined ? '—' : `${Number(c).toFixed(1)} °C`;
}

/** Joules per terahash: watts divided by TH/s; empty when nothing hashes. */
export function efficiency(powerW, hashrateHs) {
  if (!powerW || !hashrateHs) return '—';
  return `${(powerW / (hashrateHs / 1e12)).toFixed(1)} J/TH`;
}

export function count(n) {
  return n === null || n === undefined ? '—' : Number(n).toLocaleString('en-US');
}

export function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function ago(iso) {
  if (!iso) return 'never';
  const s = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (s < 0) return when(iso);
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} d ago`;
}

export function statusBadge(status) {
  return h('span', { class: `badge status-${status}` }, status);
}

/** A message block for loading, empty and error states. */
export function note(kind, text) {
  return h('p', { class: `note note-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function toast(text) {
  const el = document.getElementById('toast');
  el.textContent = text;
  el.classList.add('shown');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => el.classList.remove('shown'), 4000);
}
