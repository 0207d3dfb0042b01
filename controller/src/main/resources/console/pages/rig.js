// One rig: what it is, its devices, charts over a chosen range, its events and its commands.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { api, query } from '../api.js';
import { ago, celsius, clear, count, h, hashrate, note, statusBadge, toast, watts, when } from '../dom.js';
import { commandPicker, confirmDialog, renderProgress, renderProgressError, runBatch } from '../commands.js';

const RANGES = [
  { key: '1h', label: '1 hour', ms: 3600e3, step: '1m' },
  { key: '6h', label: '6 hours', ms: 6 * 3600e3, step: '5m' },
  { key: '24h', label: '24 hours', ms: 24 * 3600e3, step: '15m' },
  { key: '7d', label: '7 days', ms: 7 * 86400e3, step: '1h' },
];

const CHARTS = [
  { title: 'Hashrate', unit: 'TH/s', series: [{ label: 'TH/s', value: (p) => p.hashrateHs / 1e12, stroke: '#2a7ab0' }] },
  { title: 'Temperature', unit: '°C', series: [{ label: '°C (hottest)', value: (p) => p.temperatureC, stroke: '#c0392b' }] },
  { title: 'Power', unit: 'W', series: [{ label: 'W', value: (p) => p.powerW, stroke: '#8e6c00' }] },
  {
    title: 'Shares', unit: 'count',
    series: [
      { label: 'accepted', value: (p) => p.accepted, stroke: '#2e7d32' },
      { label: 'rejected', value: (p) => p.rejected, stroke: '#b71c1c' },
    ],
  },
];

export async function render(main, ctx) {
  const id = decodeURIComponent(ctx.match[1]);
  const range = RANGES.find((r) => r.key === ctx.params.get('range')) || RANGES[0];
  const charts = [];
  let stopBulk = null;
  let rig;
  try {
    rig = await api(`/api/v1/rigs/${encodeURIComponent(id)}`);
  } catch (e) {
    main.append(h('h1', {}, 'Rig'), note('error', e.status === 404 ? `There is no rig ${id} you can see.` : e.message),
      h('p', {}, h('a', { href: '#/rigs' }, 'Back to the rigs')));
    return null;
  }
  const facts = [
    ['Id', rig.id], ['Model', rig.model || '—'], ['Group', rig.group || '—'], ['Hashrate', hashrate(rig.hashrateHs)],
    ['Temperature', celsius(rig.temperatureC)], ['Power', watts(rig.powerW)], ['Fan', rig.fanRpm ? `${rig.fanRpm} rpm` : '—'],
    ['Shares', `${count(rig.acceptedShares)} accepted, ${count(rig.rejectedShares)} rejected`],
    ['Last seen', `${ago(rig.lastSeen)} (${when(rig.lastSeen)})`], ['Agent', rig.agentVersion || '—'],
    ['Source', rig.source], ['Hardware id', rig.hardwareId], ['IP address', rig.ipAddress || '—'],
    ['Uptime', rig.uptimeS ? `${Math.round(rig.uptimeS / 3600)} h` : '—'],
  ];
  const progress = h('section', { id: 'bulk-progress', class: 'progress-panel', 'aria-live': 'polite' });
  const commandsBox = h('div', { id: 'rig-commands' }, note('loading', 'Loading commands…'));
  const eventsBox = h('div', { id: 'rig-events' }, note('loading', 'Loading events…'));
  const chartsBox = h('div', { id: 'rig-charts', class: 'charts' }, note('loading', 'Loading telemetry…'));

  let actions = null;
  if (ctx.canAct) {
    const picker = commandPicker('rig');
    const groupSelect = h('select', { id: 'rig-group-select' }, h('option', { value: '' }, 'No group'));
    api('/api/v1/groups').then((g) => g.items.forEach((x) => groupSelect.append(
      h('option', { value: x.id, selected: x.id === rig.groupId }, x.name)))).catch(() => {});
    const account = h('input', { id: 'rig-account', inputmode: 'numeric', pattern: '[0-9]+', size: 8 });
    actions = h('section', { class: 'card actions-card', id: 'rig-actions', 'aria-labelledby': 'actions-title' },
      h('h2', { id: 'actions-title' }, 'Actions'),
      h('div', { class: 'row' }, picker.el, h('button', {
        type: 'button', id: 'rig-send',
        onclick: async () => {
          const c = picker.value();
          if (!(await confirmDialog(`${c.label} on ${rig.name}?`, `This sends "${c.type}" to ${rig.name}.`, 'Send'))) return;
          if (stopBulk) stopBulk();
          stopBulk = runBatch({ rigIds: [rig.id] }, c, (p) => {
            renderProgress(progress, c.label, p);
            if (p.done) loadCommands();
          }, (message) => renderProgressError(progress, c.label, message));
        },
      }, 'Send…')),
      h('div', { class: 'row' }, h('label', { for: 'rig-group-select' }, 'Group'), groupSelect, h('button', {
        type: 'button', class: 'secondary', id: 'rig-group-save',
        onclick: async () => {
          try {
            // the rig update moves the rig's work to its new group's profile (or the default) at once
            const groupId = groupSelect.value ? Number(groupSelect.value) : null;
            const saved = await api(`/api/v1/rigs/${encodeURIComponent(rig.id)}`, { method: 'PUT', body: { groupId } });
            toast(groupId ? `Group saved: ${saved.group || groupSelect.selectedOptions[0].textContent}; its work follows the group's profile.`
              : 'The rig is in no group now; it mines on the default profile.');
          } catch (e) {
            toast(e.message);
          }
        },
      }, 'Save group')),
      h('div', { class: 'row' }, h('label', { for: 'rig-account' }, 'Show to client account'), account, h('button', {
        type: 'button', class: 'secondary', id: 'rig-account-save',
        onclick: async () => {
          if (!/^[0-9]+$/.test(account.value)) {
            toast('An account id is a number.');
            return;
          }
          try {
            await api(`/api/v1/accounts/${account.value}/rigs/${encodeURIComponent(rig.id)}`, { method: 'PUT' });
            toast(`Account ${account.value} can now see ${rig.name}.`);
          } catch (e) {
            toast(e.message);
          }
        },
      }, 'Link')));
  }

  const rangeNav = h('div', { class: 'range', role: 'group', 'aria-label': 'Time range' },
    RANGES.map((r) => h('a', {
      href: `#/rigs/${encodeURIComponent(id)}?range=${r.key}`, class: 'button-like', 'aria-current': r === range ? 'true' : null,
    }, r.label)));

  main.append(
    h('p', { class: 'crumbs' }, h('a', { href: '#/rigs' }, '← Rigs')),
    h('div', { class: 'page-head' }, h('h1', { id: 'rig-name' }, rig.name), statusBadge(rig.status)),
    h('div', { class: 'split' },
      h('section', { class: 'card', 'aria-labelledby': 'facts-title' }, h('h2', { id: 'facts-title' }, 'Details'),
        h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))),
      actions),
    progress,
    h('section', { 'aria-labelledby': 'charts-title' }, h('div', { class: 'page-head' }, h('h2', { id: 'charts-title' }, 'Telemetry'), rangeNav), chartsBox),
    h('section', { 'aria-labelledby': 'devices-title' }, h('h2', { id: 'devices-title' }, 'Devices'), devicesTable(rig.devices)),
    h('div', { class: 'split' },
      h('section', { 'aria-labelledby': 'events-title', class: 'grow' }, h('h2', { id: 'events-title' }, 'Events'), eventsBox),
      h('section', { 'aria-labelledby': 'cmds-title', class: 'grow' }, h('h2', { id: 'cmds-title' }, 'Commands'), commandsBox)));

  async function loadCharts() {
    const to = Date.now();
    try {
      const series = await api(`/api/v1/rigs/${encodeURIComponent(id)}/telemetry${query({ from: to - range.ms, to, step: range.step })}`);
      clear(chartsBox);
      if (!series.points.length) {
        chartsBox.append(note('empty', `No telemetry from this rig in the last ${range.label}.`));
        return;
      }
      const xs = series.points.map((p) => new Date(p.ts).getTime() / 1000);
      const width = Math.max(280, Math.min(560, (chartsBox.clientWidth || 600) / 2 - 24));
      for (const chart of CHARTS) {
        const box = h('figure', { class: 'chart' }, h('figcaption', {}, `${chart.title} (${chart.unit})`));
        chartsBox.append(box);
        const data = [xs, ...chart.series.map((s) => series.points.map((p) => (s.value(p) ?? null)))];
        charts.push(new uPlot({
          width, height: 180,
          series: [{}, ...chart.series.map((s) => ({ label: s.label, stroke: s.stroke, width: 2 }))],
          axes: [{}, { size: 60 }],
        }, data, box));
      }
    } catch (e) {
      clear(chartsBox).append(note('error', `The telemetry could not be loaded: ${e.message}`));
    }
  }

  async function loadEvents() {
    try {
      const events = await api(`/api/v1/rigs/${encodeURIComponent(id)}/events?limit=50`);
      clear(eventsBox).append(events.items.length
        ? h('table', { class: 'compact' }, h('thead', {}, h('tr', {}, ['When', 'What', 'Detail'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, events.items.map((e) => h('tr', {}, h('td', {}, when(e.at)),
            h('td', {}, e.kind === 'status' ? `${e.fromStatus || '?'} → ${e.toStatus}` : e.kind), h('td', {}, e.detail || '')))))
        : note('empty', 'No events yet.'));
    } catch (e) {
      clear(eventsBox).append(note('error', e.message));
    }
  }

  async function loadCommands() {
    try {
      const cmds = await api(`/api/v1/rigs/${encodeURIComponent(id)}/commands?limit=20`);
      clear(commandsBox).append(cmds.items.length
        ? h('table', { class: 'compact' }, h('thead', {}, h('tr', {}, ['When', 'Command', 'Status', 'Result', 'By'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, cmds.items.map((c) => h('tr', {}, h('td', {}, when(c.createdAt)),
            h('td', {}, c.type, c.args && Object.keys(c.args).length ? ` ${JSON.stringify(c.args)}` : ''),
            h('td', {}, h('span', { class: `badge cmd-${c.status}` }, c.status)),
            h('td', {}, c.resultMessage || c.lastError || ''), h('td', {}, c.issuedBy || '')))))
        : note('empty', 'No commands sent to this rig yet.'));
    } catch (e) {
      clear(commandsBox).append(note(e.status === 403 ? 'info' : 'error',
        e.status === 403 ? 'Commands are not shown to your role.' : e.message));
    }
  }

  await Promise.all([loadCharts(), loadEvents(), loadCommands()]);
  return () => {
    if (stopBulk) stopBulk();
    charts.forEach((c) => c.destroy());
  };
}

function devicesTable(devices) {
  if (!Array.isArray(devices) || !devices.length) return note('empty', 'The rig has not reported its devices.');
  const keys = [...new Set(devices.flatMap((d) => Object.keys(d)))].slice(0, 10);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'compact', id: 'rig-devices' },
    h('thead', {}, h('tr', {}, keys.map((k) => h('th', { scope: 'col' }, k)))),
    h('tbody', {}, devices.map((d) => h('tr', {}, keys.map((k) => h('td', {},
      d[k] === null || d[k] === undefined ? '' : typeof d[k] === 'object' ? JSON.stringify(d[k]) : String(d[k]))))))));
}
