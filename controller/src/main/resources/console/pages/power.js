// Power: PDUs and switches with their last poll, rig outlets with measured power and J/TH, outlet
// actions for operators (power-cycle, on, off: each one is checked against the outlet's name on
// the PDU and audited), and curtailment events (create, follow, cancel).
import { api } from '../api.js';
import { clear, efficiency, h, note, toast, watts, when } from '../dom.js';

export async function render(main, ctx) {
  const summary = h('div', { id: 'power-summary' }, note('loading', 'Loading power…'));
  const devices = h('div', { id: 'power-devices' });
  const outlets = h('div', { id: 'power-outlets' });
  const events = h('div', { id: 'power-curtailments' });
  main.append(h('h1', {}, 'Power'), summary,
    h('h2', {}, 'PDUs and switches'), devices,
    h('h2', {}, 'Rig outlets'), outlets,
    h('h2', {}, 'Curtailment'), ctx.canAct ? curtailmentForm(load) : null, events);

  async function act(rigId, action) {
    const path = action === 'cycle'
      ? `/api/v1/power/rigs/${encodeURIComponent(rigId)}/power-cycle`
      : `/api/v1/power/rigs/${encodeURIComponent(rigId)}/outlet/${action}`;
    if (action !== 'on' && !confirm(`${action === 'cycle' ? 'Power-cycle' : 'Switch off'} the outlet of ${rigId}?`)) return;
    try {
      const outcome = await api(path, { method: 'POST' });
      toast(outcome.detail);
      load();
    } catch (e) {
      toast(e.message);
    }
  }

  async function load() {
    try {
      const [sum, devs, rigs, mapped, curt] = await Promise.all([
        api('/api/v1/power/summary'), api('/api/v1/power/devices'), api('/api/v1/power/rigs'),
        api('/api/v1/power/outlets'), api('/api/v1/power/curtailments'),
      ]);
      clear(summary).append(h('p', { class: 'card' },
        `Fleet ${watts(sum.fleetPowerW)} measured (PDU ${watts(sum.bySource.pdu || 0)}, reported ${watts(sum.bySource.reported || 0)}, nameplate ${watts(sum.bySource.nameplate || 0)}); PDUs read ${watts(sum.pduPowerW)}.`));
      clear(devices).append(devs.items.length ? h('table', { class: 'compact', id: 'power-device-table' },
        h('thead', {}, h('tr', {}, ['Device', 'Kind', 'Profile', 'Site', 'Address', 'Last poll', 'Power', 'State'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, devs.items.map(({ device: d, reading: r }) => h('tr', {},
          h('td', {}, d.name), h('td', {}, d.kind), h('td', {}, d.profile), h('td', {}, d.site || ''),
          h('td', {}, `${d.host}:${d.port} (${d.credentials.version})`), h('td', {}, r ? when(r.at) : 'never'),
          h('td', { class: 'num' }, r && r.powerW !== undefined ? watts(r.powerW) : '—'),
          h('td', {}, !r ? '—' : r.reachable ? `up, ${d.kind === 'pdu' ? `${r.outlets.length} outlets` : `${r.interfaces.length} ports`}` : `unreachable: ${r.error}`)))))
        : note('empty', 'No PDUs or switches registered (POST /api/v1/power/devices).'));
      const byRig = Object.fromEntries(rigs.items.map((r) => [r.rigId, r]));
      clear(outlets).append(mapped.items.length ? h('table', { class: 'compact', id: 'power-outlet-table' },
        h('thead', {}, h('tr', {}, ['Rig', 'PDU', 'Outlet', 'Name on PDU', 'State', 'Power', 'Source', 'J/TH', ctx.canAct ? 'Actions' : null].filter(Boolean).map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, mapped.items.map((m) => {
          const r = byRig[m.rigId] || {};
          return h('tr', { dataset: { rig: m.rigId } },
            h('td', {}, h('a', { href: `#/rigs/${encodeURIComponent(m.rigId)}` }, r.name || m.rigId)),
            h('td', {}, m.deviceId), h('td', { class: 'num' }, m.outletIndex),
            h('td', {}, m.reportedName === undefined ? m.outletName : m.nameMatches ? m.reportedName : `${m.reportedName} (mapped as ${m.outletName}: switching refused)`),
            h('td', {}, m.state || '—'), h('td', { class: 'num' }, watts(r.powerW)), h('td', {}, r.source || '—'),
            h('td', { class: 'num' }, r.joulesPerTerahash ? `${r.joulesPerTerahash.toFixed(1)} J/TH` : efficiency(r.powerW, r.hashrateHs)),
            ctx.canAct ? h('td', {},
              h('button', { type: 'button', class: 'secondary', onclick: () => act(m.rigId, 'cycle') }, 'Power-cycle'), ' ',
              h('button', { type: 'button', class: 'secondary', onclick: () => act(m.rigId, 'off') }, 'Off'), ' ',
              h('button', { type: 'button', class: 'secondary', onclick: () => act(m.rigId, 'on') }, 'On')) : null);
        })))
        : note('empty', 'No rig is mapped to an outlet (PUT /api/v1/power/rigs/{rigId}/outlet).'));
      clear(events).append(curt.items.length ? h('table', { class: 'compact', id: 'power-curtailment-table' },
        h('thead', {}, h('tr', {}, ['#', 'Mode', 'kW', 'From', 'To', 'Ramp', 'Status', 'Goal', 'Measured', 'Target met', 'Rigs', ctx.canAct ? '' : null].filter((t) => t !== null).map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, curt.items.map((e) => h('tr', { dataset: { event: e.id } },
          h('td', {}, e.id), h('td', {}, e.mode), h('td', { class: 'num' }, e.kw), h('td', {}, when(e.startsAt)), h('td', {}, when(e.endsAt)),
          h('td', {}, `${Math.round(e.rampSeconds / 60)} min`), h('td', {}, e.status), h('td', { class: 'num' }, watts(e.goalW)),
          h('td', { class: 'num' }, watts(e.measuredW)), h('td', {}, e.targetMet === undefined ? '—' : e.targetMet ? 'yes' : 'no'),
          h('td', { title: (e.rigs || []).map((r) => `${r.rigId}: ${r.method}`).join('\n') }, rigsLine(e.rigs || [])),
          ctx.canAct ? h('td', {}, ['scheduled', 'active'].includes(e.status) ? h('button', {
            type: 'button', class: 'secondary', onclick: async () => {
              try {
                await api(`/api/v1/power/curtailments/${e.id}/cancel`, { method: 'POST' });
                toast(`Curtailment ${e.id} cancelled; rigs are restored in steps.`);
                load();
              } catch (err) {
                toast(err.message);
              }
            },
          }, 'Cancel') : '') : null))))
        : note('empty', 'No curtailment events.'));
    } catch (e) {
      clear(summary).append(note('error', e.message));
    }
  }

  await load();
  // often enough to follow a power-cycle or a curtailment step as it happens
  const timer = setInterval(load, 5000);
  return () => clearInterval(timer);
}

// "2 curtailed (1 power mode, 1 outlet off), 1 restored"
function rigsLine(rigs) {
  if (!rigs.length) return 'none yet';
  const modes = rigs.filter((r) => r.method === 'power-mode').length;
  const restored = rigs.filter((r) => r.restoredAt).length;
  return `${rigs.length} curtailed (${modes} power mode, ${rigs.length - modes} outlet off), ${restored} restored`;
}

function curtailmentForm(reload) {
  const mode = h('select', { id: 'curtail-mode' }, h('option', { value: 'target' }, 'Fleet target (kW)'), h('option', { value: 'reduce' }, 'Reduce by (kW)'));
  const kw = h('input', { id: 'curtail-kw', type: 'number', min: 0, step: 'any', required: true });
  const minutes = h('input', { id: 'curtail-minutes', type: 'number', min: 1, value: 60, required: true });
  const ramp = h('input', { id: 'curtail-ramp', type: 'number', min: 0, value: 0 });
  const error = h('div', { 'aria-live': 'assertive' });
  return h('form', {
    class: 'card inline-form', id: 'curtail-form',
    onsubmit: async (e) => {
      e.preventDefault();
      error.replaceChildren();
      try {
        const ends = new Date(Date.now() + Number(minutes.value) * 60000).toISOString();
        const ev = await api('/api/v1/power/curtailments', {
          method: 'POST', body: { mode: mode.value, kw: Number(kw.value), endsAt: ends, rampSeconds: Number(ramp.value) * 60 },
        });
        toast(`Curtailment ${ev.id} created.`);
        reload();
      } catch (err) {
        error.append(note('error', err.message));
      }
    },
  }, h('label', { for: 'curtail-mode' }, 'Mode'), mode, h('label', { for: 'curtail-kw' }, 'kW'), kw,
  h('label', { for: 'curtail-minutes' }, 'For (minutes)'), minutes, h('label', { for: 'curtail-ramp' }, 'Ramp (minutes)'), ramp,
  h('button', { type: 'submit', id: 'curtail-create' }, 'Start curtailment'), error);
}
