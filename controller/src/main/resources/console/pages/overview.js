// Fleet overview: the summary cards and hottest rigs arrive live over server-sent events; the heat
// map re-reads its tiles when the summary changes. Without EventSource (or while it reconnects)
// the page polls the summary instead, so it never silently stops updating.
import { api, query } from '../api.js';
import { celsius, clear, count, efficiency, h, hashrate, note, statusBadge, watts } from '../dom.js';

const MAX_TILES = 500;
const HOT_C = 80;

export function render(main, ctx) {
  const colourBy = ctx.params.get('colour') === 'temperature' ? 'temperature' : 'status';
  const live = h('span', { id: 'live-state', class: 'live', role: 'status' }, 'Connecting…');
  const cards = h('div', { class: 'cards', id: 'summary-cards' }, note('loading', 'Loading the fleet summary…'));
  const alerts = h('div', { id: 'alerts' });
  const hottest = h('div', { id: 'hottest' });
  const tiles = h('div', { id: 'heatmap', class: 'heatmap' }, note('loading', 'Loading rigs…'));
  const colourChoice = h('fieldset', { class: 'inline' },
    h('legend', {}, 'Colour tiles by'),
    ...['status', 'temperature'].map((c) => h('label', {},
      h('input', {
        type: 'radio', name: 'colour', value: c, checked: c === colourBy,
        onchange: () => ctx.navigate('/overview', { colour: c }),
      }), ` ${c}`)));
  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Fleet overview'), live),
    cards,
    alerts,
    h('div', { class: 'split' },
      h('section', { 'aria-labelledby': 'hot-title' }, h('h2', { id: 'hot-title' }, 'Hottest rigs'), hottest),
      h('section', { 'aria-labelledby': 'map-title', class: 'grow' },
        h('h2', { id: 'map-title' }, 'Heat map'), colourChoice, tiles)));

  // recent snapshots for share rates: counters are totals, so a rate needs a window of them
  const history = [];
  const RATE_WINDOW_MS = 60000;
  const RATE_MIN_MS = 10000;
  let tileTimer = null;
  let stopped = false;

  function show(snapshot) {
    const s = snapshot.summary;
    const now = Date.now();
    history.push({ s, at: now });
    while (history.length > 1 && now - history[0].at > RATE_WINDOW_MS) history.shift();
    let rate = 'rate after 10 s';
    let rejectRate = 'rate after 10 s';
    const oldest = history[0];
    if (now - oldest.at >= RATE_MIN_MS) {
      const minutes = (now - oldest.at) / 60000;
      const acc = Math.max(0, s.acceptedShares - oldest.s.acceptedShares);
      const rej = Math.max(0, s.rejectedShares - oldest.s.rejectedShares);
      rate = `${(acc / minutes).toFixed(1)}/min now`;
      rejectRate = `${(rej / minutes).toFixed(1)}/min now`;
    }
    const totalShares = s.acceptedShares + s.rejectedShares;
    const card = (id, label, value, extra) =>
      h('div', { class: `card stat ${id}` }, h('span', { class: 'label' }, label),
        h('strong', { id: `sum-${id}` }, value), extra ? h('span', { class: 'extra' }, extra) : null);
    clear(cards).append(
      card('total', 'Rigs', count(s.rigsTotal)),
      card('online', 'Online', count(s.rigsOnline)),
      card('stale', 'Stale', count(s.rigsStale)),
      card('offline', 'Offline', count(s.rigsOffline)),
      card('hashrate', 'Hashrate', hashrate(s.hashrateHs)),
      card('power', 'Power', watts(s.powerW)),
      card('efficiency', 'Efficiency', efficiency(s.powerW, s.hashrateHs)),
      card('accepted', 'Accepted shares', count(s.acceptedShares), rate),
      card('rejected', 'Rejected shares', count(s.rejectedShares),
        `${totalShares ? ((100 * s.rejectedShares) / totalShares).toFixed(2) : '0.00'} %, ${rejectRate}`));
    const hot = snapshot.hottest.filter((r) => r.temperatureC >= HOT_C);
    const alertItems = [];
    if (s.rigsOffline) alertItems.push(`${count(s.rigsOffline)} rig(s) offline`);
    if (s.rigsStale) alertItems.push(`${count(s.rigsStale)} rig(s) stale (no telemetry lately)`);
    for (const r of hot) alertItems.push(`${r.name} runs at ${celsius(r.temperatureC)}`);
    clear(alerts).append(alertItems.length
      ? h('section', { class: 'alerts', 'aria-label': 'Alerts' }, h('h2', {}, 'Alerts'),
        h('ul', {}, alertItems.map((a) => h('li', {}, a))))
      : null);
    clear(hottest).append(snapshot.hottest.length
      ? h('table', { class: 'compact' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Rig'), h('th', { scope: 'col' }, 'Temp'),
          h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Group'))),
        h('tbody', {}, snapshot.hottest.map((r) => h('tr', {},
          h('td', {}, h('a', { href: `#/rigs/${encodeURIComponent(r.id)}` }, r.name)),
          h('td', { class: r.temperatureC >= HOT_C ? 'hot' : '' }, celsius(r.temperatureC)),
          h('td', {}, statusBadge(r.status)), h('td', {}, r.group || '—')))))
      : note('empty', 'No rig reports a temperature right now.'));
    scheduleTiles();
  }

  function scheduleTiles() {
    if (tileTimer) return;
    tileTimer = setTimeout(() => {
      tileTimer = null;
      loadTiles();
    }, 200);
  }

  async function loadTiles() {
    try {
      const page = await api(`/api/v1/rigs${query({ sort: 'group', size: MAX_TILES })}`);
      if (stopped) return;
      const byGroup = new Map();
      for (const r of page.items) {
        const g = r.group || 'No group';
        if (!byGroup.has(g)) byGroup.set(g, []);
        byGroup.get(g).push(r);
      }
      clear(tiles);
      if (!page.items.length) {
        tiles.append(note('empty', 'No rigs yet. Enroll one on the Enrollment page.'));
        return;
      }
      for (const [group, list] of byGroup) {
        tiles.append(h('div', { class: 'tile-group' }, h('h3', {}, `${group} (${list.length})`),
          h('div', { class: 'tiles' }, list.map((r) => h('a', {
            href: `#/rigs/${encodeURIComponent(r.id)}`,
            class: `tile ${colourBy === 'status' ? `status-${r.status}` : tempClass(r)}`,
            title: `${r.name}: ${r.status}, ${celsius(r.temperatureC)}, ${hashrate(r.hashrateHs)}`,
            'aria-label': `${r.name}: ${r.status}, ${celsius(r.temperatureC)}`,
            dataset: { rig: r.id, status: r.status },
          })))));
      }
      if (page.total > page.items.length) {
        tiles.append(note('info', `Showing the first ${page.items.length} of ${count(page.total)} rigs; use the Rigs page to find the rest.`));
      }
    } catch (e) {
      if (!stopped) clear(tiles).append(note('error', `The rigs could not be loaded: ${e.message}`));
    }
  }

  // live updates
  let source = null;
  let poll = null;
  function startPolling() {
    if (poll) return;
    live.textContent = 'Polling every 5 s';
    const once = async () => {
      try {
        const summary = await api('/api/v1/fleet/summary');
        if (!stopped) show({ summary, hottest: [] });
      } catch (e) {
        if (!stopped) live.textContent = `Cannot reach the controller: ${e.message}`;
      }
    };
    once();
    poll = setInterval(once, 5000);
  }
  if ('EventSource' in window) {
    source = new EventSource('/api/v1/events/stream');
    source.addEventListener('fleet-summary', (event) => {
      if (poll) {
        clearInterval(poll);
        poll = null;
      }
      live.textContent = 'Live';
      live.classList.add('on');
      show(JSON.parse(event.data));
    });
    source.onerror = () => {
      live.textContent = 'Reconnecting…';
      live.classList.remove('on');
      // an expired session also ends the stream: a 401 here sends the user to the login
      api('/api/v1/auth/me').catch(() => {});
    };
  } else {
    startPolling();
  }

  return () => {
    stopped = true;
    if (source) source.close();
    if (poll) clearInterval(poll);
    if (tileTimer) clearTimeout(tileTimer);
  };
}

function tempClass(r) {
  if (r.status === 'offline' || r.temperatureC === null || r.temperatureC === undefined) return 'temp-none';
  if (r.temperatureC >= HOT_C) return 'temp-hot';
  if (r.temperatureC >= 70) return 'temp-warm';
  return 'temp-cool';
}
