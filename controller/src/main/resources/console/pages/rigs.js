// The rigs table: filtering, sorting and paging happen on the server (GET /api/v1/rigs), so it
// stays fast with tens of thousands of rigs. The filters live in the URL: back and forward walk
// through them, and a filtered view can be bookmarked.
import { api, query } from '../api.js';
import { ago, celsius, clear, count, h, hashrate, note, statusBadge, toast, watts } from '../dom.js';
import { commandPicker, confirmDialog, renderProgress, renderProgressError, runBatch } from '../commands.js';

const COLUMNS = [
  { key: 'name', label: 'Name' },
  { key: 'status', label: 'Status' },
  { key: 'group', label: 'Group' },
  { key: 'hashrateHs', label: 'Hashrate', num: true },
  { key: 'temperatureC', label: 'Temp', num: true },
  { key: 'powerW', label: 'Power', num: true },
  { key: 'rejectedShares', label: 'Rejected', num: true },
  { key: 'lastSeen', label: 'Last seen' },
  { key: 'model', label: 'Model' },
];
const SIZES = [25, 50, 100, 200];
// "select all matching" sends the filter itself to the batch endpoint (no ids in the browser);
// moving them to a group reads the ids page by page, up to this many
const MAX_MOVE = 20000;
const FETCH_SIZE = 500;

export async function render(main, ctx) {
  const started = performance.now();
  const state = {
    q: ctx.params.get('q') || '',
    status: ctx.params.get('status') || '',
    group: ctx.params.get('group') || '',
    sort: ctx.params.get('sort') || 'name',
    page: Math.max(1, Number(ctx.params.get('page')) || 1),
    size: SIZES.includes(Number(ctx.params.get('size'))) ? Number(ctx.params.get('size')) : 50,
  };
  const selected = new Map();
  // set when "select all matching" is on: the filter the selection stands for, and how many rigs
  let matching = null;
  let rows = [];
  let total = 0;
  let stopBulk = null;
  let loadSeq = 0;

  const qInput = h('input', { id: 'rig-search', type: 'search', value: state.q, placeholder: 'name, id, hardware id, model' });
  const statusSelect = h('select', { id: 'rig-status' },
    [['', 'Any status'], ['online', 'Online'], ['stale', 'Stale'], ['offline', 'Offline'], ['stale,offline', 'Stale or offline']]
      .map(([v, l]) => h('option', { value: v, selected: v === state.status }, l)));
  const groupSelect = h('select', { id: 'rig-group' }, h('option', { value: '' }, 'Any group'));
  const sizeSelect = h('select', { id: 'rig-size' }, SIZES.map((s) => h('option', { value: s, selected: s === state.size }, `${s} per page`)));
  const summary = h('p', { id: 'rig-total', role: 'status' });
  const table = h('div', { class: 'table-wrap', id: 'rig-table' }, note('loading', 'Loading rigs…'));
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' });
  const progress = h('section', { id: 'bulk-progress', class: 'progress-panel', 'aria-live': 'polite' });
  const selectMatching = h('button', { type: 'button', class: 'secondary', id: 'select-matching', hidden: true, onclick: selectAllMatching });

  const filters = h('form', { class: 'filters', role: 'search', onsubmit: (e) => { e.preventDefault(); change({ q: qInput.value.trim(), page: 1 }); } },
    h('label', { for: 'rig-search' }, 'Search'), qInput,
    h('label', { for: 'rig-status' }, 'Status'), statusSelect,
    h('label', { for: 'rig-group' }, 'Group'), groupSelect,
    h('label', { for: 'rig-size' }, 'Rows'), sizeSelect);
  let typing = null;
  qInput.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => change({ q: qInput.value.trim(), page: 1 }), 300);
  });
  statusSelect.addEventListener('change', () => change({ status: statusSelect.value, page: 1 }));
  groupSelect.addEventListener('change', () => change({ group: groupSelect.value, page: 1 }));
  sizeSelect.addEventListener('change', () => change({ size: Number(sizeSelect.value), page: 1 }));

  let bulkBar = null;
  let picker = null;
  let moveSelect = null;
  let selectedCount = null;
  if (ctx.canAct) {
    picker = commandPicker('bulk');
    selectedCount = h('span', { id: 'selected-count' }, 'No rigs selected');
    moveSelect = h('select', { id: 'bulk-group' }, h('option', { value: '' }, 'Choose a group'));
    bulkBar = h('div', { class: 'bulk-bar', id: 'bulk-bar', role: 'region', 'aria-label': 'Actions on selected rigs' },
      selectedCount, selectMatching, picker.el,
      h('button', { type: 'button', id: 'bulk-send', onclick: sendBulk }, 'Send to selected…'),
      h('label', { for: 'bulk-group' }, 'Move to'), moveSelect,
      h('button', { type: 'button', class: 'secondary', id: 'bulk-move', onclick: moveBulk }, 'Move'));
  }

  main.append(h('div', { class: 'page-head' }, h('h1', {}, 'Rigs'), summary), filters, bulkBar, progress, table, pager);

  // clients cannot list groups (the API refuses): their filter offers none, without asking
  if (ctx.session.role !== 'client') {
    api('/api/v1/groups').then((g) => {
      for (const group of g.items) {
        groupSelect.append(h('option', { value: group.id, selected: String(group.id) === state.group }, group.name));
        if (moveSelect) moveSelect.append(h('option', { value: group.id }, group.name));
      }
    }).catch(() => { /* the filter just offers no groups */ });
  }

  function change(patch) {
    Object.assign(state, patch);
    const params = {};
    for (const [k, v] of Object.entries(state)) {
      if (v !== '' && !(k === 'page' && v === 1) && !(k === 'size' && v === 50) && !(k === 'sort' && v === 'name')) params[k] = v;
    }
    const qs = new URLSearchParams(params).toString();
    history.pushState(null, '', `#/rigs${qs ? `?${qs}` : ''}`);
    load();
  }

  function updateSelection() {
    if (!selectedCount) return;
    if (matching) {
      selectedCount.textContent = `All ${count(matching.total)} matching selected`;
      selectMatching.hidden = false;
      selectMatching.textContent = 'Clear selection';
      return;
    }
    selectedCount.textContent = selected.size ? `${count(selected.size)} selected` : 'No rigs selected';
    const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
    selectMatching.hidden = !(allOnPage && total > rows.length);
    selectMatching.textContent = `Select all ${count(total)} matching`;
  }

  function selectAllMatching() {
    if (matching) {
      matching = null;
      selected.clear();
      for (const box of table.querySelectorAll('input.row-select, #select-all')) box.checked = false;
    } else {
      matching = { filter: { status: state.status, group: state.group, q: state.q }, total };
    }
    updateSelection();
  }

  /** The ids of every rig the selection stands for (paged reads when it is "all matching"). */
  async function selectedIds() {
    if (!matching) return [...selected.keys()];
    const ids = [];
    for (let page = 1; ids.length < Math.min(matching.total, MAX_MOVE); page++) {
      const batch = await api(`/api/v1/rigs${query({ ...matching.filter, sort: 'name', page, size: FETCH_SIZE })}`);
      ids.push(...batch.items.map((r) => r.id));
      if (batch.items.length < FETCH_SIZE) break;
    }
    return ids;
  }

  async function load() {
    const seq = ++loadSeq;
    table.setAttribute('aria-busy', 'true');
    try {
      const page = await api(`/api/v1/rigs${query({
        q: state.q, status: state.status, group: state.group, sort: state.sort, page: state.page, size: state.size,
      })}`);
      if (seq !== loadSeq) return;
      rows = page.items;
      total = page.total;
      selected.clear();
      matching = null;
      updateSelection();
      const pages = Math.max(1, Math.ceil(page.total / state.size));
      summary.textContent = `${count(page.total)} rig${page.total === 1 ? '' : 's'}`;
      renderTable();
      clear(pager).append(
        h('button', { type: 'button', class: 'secondary', id: 'page-prev', disabled: state.page <= 1, onclick: () => change({ page: state.page - 1 }) }, '← Previous'),
        h('span', { id: 'page-info' }, `Page ${state.page} of ${count(pages)}`),
        h('button', { type: 'button', class: 'secondary', id: 'page-next', disabled: state.page >= pages, onclick: () => change({ page: state.page + 1 }) }, 'Next →'));
      if (!window.otedamaTimings) window.otedamaTimings = {};
      if (window.otedamaTimings.rigsFirstPageMs === undefined) {
        window.otedamaTimings.rigsFirstPageMs = performance.now() - started;
        window.otedamaTimings.rigsSinceNavigationMs = performance.now();
      }
    } catch (e) {
      if (seq !== loadSeq) return;
      clear(table).append(note('error', `The rigs could not be loaded: ${e.message}`));
      clear(pager);
    } finally {
      table.removeAttribute('aria-busy');
    }
  }

  function renderTable() {
    clear(table);
    if (!rows.length) {
      table.append(note('empty', state.q || state.status || state.group
        ? 'No rig matches these filters.'
        : ctx.session.role === 'client' ? 'No rigs are linked to your account yet.' : 'No rigs yet. Enroll one on the Enrollment page.'));
      return;
    }
    const desc = state.sort.startsWith('-');
    const sortKey = state.sort.replace(/^-/, '');
    const selectAll = ctx.canAct ? h('input', {
      type: 'checkbox', id: 'select-all', 'aria-label': 'Select all rigs on this page',
      onchange: (e) => {
        for (const box of table.querySelectorAll('input.row-select')) box.checked = e.target.checked;
        selected.clear();
        matching = null;
        if (e.target.checked) for (const r of rows) selected.set(r.id, r);
        updateSelection();
      },
    }) : null;
    const head = h('tr', {}, ctx.canAct ? h('th', { scope: 'col', class: 'check' }, selectAll) : null,
      COLUMNS.map((c) => {
        const active = sortKey === c.key;
        return h('th', { scope: 'col', 'aria-sort': active ? (desc ? 'descending' : 'ascending') : 'none', class: c.num ? 'num' : '' },
          h('button', {
            type: 'button', class: 'sort', dataset: { sort: c.key },
            onclick: () => change({ sort: active && !desc ? `-${c.key}` : c.key, page: 1 }),
          }, c.label, active ? (desc ? ' ▼' : ' ▲') : ''));
      }));
    const body = h('tbody', {}, rows.map((r) => h('tr', { dataset: { rig: r.id } },
      ctx.canAct ? h('td', { class: 'check' }, h('input', {
        type: 'checkbox', class: 'row-select', 'aria-label': `Select ${r.name}`, value: r.id,
        onchange: (e) => {
          if (e.target.checked) selected.set(r.id, r);
          else selected.delete(r.id);
          matching = null;
          updateSelection();
        },
      })) : null,
      h('td', {}, h('a', { href: `#/rigs/${encodeURIComponent(r.id)}` }, r.name)),
      h('td', {}, statusBadge(r.status)),
      h('td', {}, r.group || '—'),
      h('td', { class: 'num' }, hashrate(r.hashrateHs)),
      h('td', { class: 'num' }, celsius(r.temperatureC)),
      h('td', { class: 'num' }, watts(r.powerW)),
      h('td', { class: 'num' }, count(r.rejectedShares)),
      h('td', {}, ago(r.lastSeen)),
      h('td', {}, r.model || '—'))));
    table.append(h('table', { class: 'rigs' }, h('caption', { class: 'visually-hidden' }, 'Rigs, sortable by column'), h('thead', {}, head), body));
  }

  async function sendBulk() {
    const n = matching ? matching.total : selected.size;
    if (!n) {
      toast('Select one or more rigs first.');
      return;
    }
    const command = picker.value();
    if (command.type === 'set-pool' && !command.args.profile) {
      toast('Choose a work profile first (create one on the Groups page).');
      return;
    }
    const plural = `${count(n)} rig${n === 1 ? '' : 's'}`;
    const names = [...selected.values()].map((r) => r.name);
    const who = matching
      ? `every rig matching the current filters (${plural})`
      : `${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}`;
    const ok = await confirmDialog(`${command.label} on ${plural}?`,
      `This sends "${command.type}"${command.args ? ` ${JSON.stringify(command.args)}` : ''} to ${who}.`
      + `${command.dangerous ? ' The rigs stop hashing while it runs.' : ''}`,
      `Send to ${plural}`);
    if (!ok) return;
    if (stopBulk) stopBulk();
    const targets = matching ? { filter: matching.filter } : { rigIds: [...selected.keys()] };
    progress.replaceChildren(note('loading', `Starting ${command.label} on ${plural}…`));
    stopBulk = runBatch(targets, command, (b) => renderProgress(progress, command.label, b),
      (message) => renderProgressError(progress, command.label, message));
  }

  async function moveBulk() {
    const n = matching ? matching.total : selected.size;
    if (!n || !moveSelect.value) {
      toast('Select rigs and a group first.');
      return;
    }
    const groupId = moveSelect.value;
    const name = moveSelect.selectedOptions[0].textContent;
    if (!(await confirmDialog(`Move ${count(n)} rig${n === 1 ? '' : 's'} to ${name}?`,
      'Their group changes at once, and they start mining on the group\'s work profile.', 'Move'))) return;
    try {
      const ids = await selectedIds();
      const moved = await api(`/api/v1/groups/${encodeURIComponent(groupId)}/rigs`, { method: 'POST', body: { rigIds: ids } });
      toast(moved.unknown.length
        ? `Moved ${moved.moved} rigs to ${name}; ${moved.unknown.length} no longer exist.`
        : `Moved ${moved.moved} rig${moved.moved === 1 ? '' : 's'} to ${name}.`);
    } catch (e) {
      toast(`The rigs could not be moved: ${e.message}`);
    }
    load();
  }

  await load();
  return () => {
    if (stopBulk) stopBulk();
    clearTimeout(typing);
  };
}
