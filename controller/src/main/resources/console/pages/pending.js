// Pages whose API arrives with later features (shares, accounts and payouts). They ask the API and
// show what it returns; while the endpoint does not exist (404) they say so plainly: never
// invented figures.
import { api } from '../api.js';
import { clear, h, note } from '../dom.js';

function page(title, endpoints) {
  return {
    async render(main) {
      main.append(h('h1', {}, title));
      for (const path of endpoints) {
        const box = h('section', { class: 'pending', dataset: { endpoint: path } }, h('h2', {}, path), note('loading', 'Loading…'));
        main.append(box);
        try {
          const data = await api(path);
          clear(box).append(h('h2', {}, path), render(data));
        } catch (e) {
          clear(box).append(h('h2', {}, path), e.status === 404
            ? note('info', `Not available yet: this controller does not serve ${path}. It arrives with the ${title.toLowerCase()} feature.`)
            : note('error', e.message));
        }
      }
    },
  };
}

/** Shows any JSON reply: a table for {items:[...]}, a definition list for an object. */
function render(data) {
  const items = Array.isArray(data) ? data : Array.isArray(data?.items) ? data.items : null;
  if (items) {
    if (!items.length) return note('empty', 'Nothing yet.');
    const keys = [...new Set(items.flatMap((i) => Object.keys(i)))].slice(0, 12);
    return h('div', { class: 'table-wrap' }, h('table', { class: 'compact' },
      h('thead', {}, h('tr', {}, keys.map((k) => h('th', { scope: 'col' }, k)))),
      h('tbody', {}, items.map((i) => h('tr', {}, keys.map((k) => h('td', {}, cell(i[k]))))))));
  }
  return h('dl', { class: 'facts' }, Object.entries(data || {}).map(([k, v]) => [h('dt', {}, k), h('dd', {}, cell(v))]));
}

function cell(v) {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export const shares = page('Shares', ['/api/v1/shares/summary']);
export const payouts = page('Payouts', ['/api/v1/accounts', '/api/v1/payouts']);
