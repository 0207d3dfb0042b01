// The audit log (admin): every mutating call, filterable by user and action, newest first.
import { api, query } from '../api.js';
import { clear, count, h, note, when } from '../dom.js';

const SIZE = 50;

export async function render(main, ctx) {
  const actor = ctx.params.get('actor') || '';
  const action = ctx.params.get('action') || '';
  const page = Math.max(1, Number(ctx.params.get('page')) || 1);
  const actorInput = h('input', { id: 'audit-actor', value: actor, list: 'audit-actors', autocomplete: 'off' });
  const actionInput = h('input', { id: 'audit-action', value: action, placeholder: 'e.g. POST /api/v1/users', size: 34, list: 'audit-actions', autocomplete: 'off' });
  const actorChoices = h('datalist', { id: 'audit-actors' });
  const actionChoices = h('datalist', { id: 'audit-actions' });
  api('/api/v1/audit/choices').then((c) => {
    actorChoices.append(...c.actors.map((a) => h('option', { value: a })));
    actionChoices.append(...c.actions.map((a) => h('option', { value: a })));
  }).catch(() => { /* suggestions only: typing still filters */ });
  const list = h('div', { id: 'audit-list' }, note('loading', 'Loading the audit log…'));
  const go = (p) => ctx.navigate('/audit', Object.fromEntries(Object.entries({
    actor: actorInput.value.trim(), action: actionInput.value.trim(), page: p > 1 ? p : '',
  }).filter(([, v]) => v !== '')));
  main.append(h('h1', {}, 'Audit log'), h('form', {
    class: 'filters', role: 'search', id: 'audit-form', onsubmit: (e) => { e.preventDefault(); go(1); },
  }, h('label', { for: 'audit-actor' }, 'User'), actorInput, h('label', { for: 'audit-action' }, 'Action'), actionInput,
  h('button', { type: 'submit', id: 'audit-filter' }, 'Filter'),
  actor || action ? h('a', { href: '#/audit', class: 'button-like', id: 'audit-clear' }, 'Clear filters') : null,
  actorChoices, actionChoices), list);
  try {
    const log = await api(`/api/v1/audit${query({ actor, action, page, size: SIZE })}`);
    const pages = Math.max(1, Math.ceil(log.total / SIZE));
    clear(list).append(log.items.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'compact', id: 'audit-table' },
        h('thead', {}, h('tr', {}, ['When', 'User', 'Role', 'Action', 'Path', 'Status', 'From', 'Detail'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, log.items.map((a) => h('tr', {}, h('td', {}, when(a.at)), h('td', {}, a.actor || ''), h('td', {}, a.actorRole || ''),
          h('td', {}, a.action), h('td', {}, a.path), h('td', {}, a.status), h('td', {}, a.remoteAddress || ''), h('td', {}, a.detail || ''))))))
      : note('empty', 'No audit entries match.'),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      h('button', { type: 'button', class: 'secondary', disabled: page <= 1, onclick: () => go(page - 1) }, '← Newer'),
      h('span', {}, `Page ${page} of ${count(pages)} (${count(log.total)} entries)`),
      h('button', { type: 'button', class: 'secondary', disabled: page >= pages, onclick: () => go(page + 1) }, 'Older →')));
  } catch (e) {
    clear(list).append(note('error', e.message));
  }
}
