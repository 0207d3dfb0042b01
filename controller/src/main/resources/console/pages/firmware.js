// Firmware: artifacts (upload with the release signature), rollout campaigns with a progress bar
// per wave, their actions (start, pause, resume, retry failed rigs, cancel), and a campaign's rigs.
// Polls every 3 s while open. Signing happens off the controller (docs/firmware.md).
import { api, query } from '../api.js';
import { clear, count, h, note, toast, when } from '../dom.js';

const ACTIONS = {
  ready: ['start', 'cancel'],
  running: ['pause', 'retry', 'cancel'],
  paused: ['resume', 'retry', 'cancel'],
  stopped: ['retry', 'cancel'],
};

export async function render(main, ctx) {
  main.append(h('h1', {}, 'Firmware'));
  const campaigns = h('section', { id: 'firmware-campaigns', 'aria-live': 'polite' }, note('loading', 'Loading campaigns…'));
  const rigs = h('section', { id: 'firmware-rigs' });
  const artifacts = h('section', { id: 'firmware-artifacts' });
  let artifactList = [];
  let groupList = [];
  let shown = null;

  if (ctx.canAct) main.append(uploadForm(), campaignForm());
  main.append(h('h2', {}, 'Campaigns'), campaigns, rigs, h('h2', {}, 'Artifacts'), artifacts);

  function uploadForm() {
    const file = h('input', { type: 'file', id: 'fw-file', required: true });
    const name = h('input', { id: 'fw-name', required: true, value: 'otedama-agent', maxlength: 64 });
    const version = h('input', { id: 'fw-version', required: true, maxlength: 64, placeholder: '1.4.0' });
    const kind = h('select', { id: 'fw-kind' }, h('option', { value: 'agent' }, 'agent'), h('option', { value: 'miner' }, 'miner'));
    const models = h('input', { id: 'fw-models', placeholder: 'any model (or: Antminer S19 Pro, …)' });
    const signature = h('input', { id: 'fw-signature', required: true, placeholder: 'base64 from "firmware sign"' });
    const error = h('div', { 'aria-live': 'assertive' });
    return h('form', {
      class: 'card inline-form', id: 'fw-upload',
      onsubmit: async (e) => {
        e.preventDefault();
        error.replaceChildren();
        try {
          const a = await api(`/api/v1/firmware/artifacts${query({
            name: name.value.trim(), version: version.value.trim(), kind: kind.value, models: models.value.trim(),
          })}`, { method: 'POST', body: file.files[0], headers: { 'X-Otedama-Signature': signature.value.trim() } });
          toast(`Artifact ${a.name} ${a.version} uploaded (signed by key ${a.keyId}).`);
          e.target.reset();
          load();
        } catch (err) {
          error.append(note('error', err.message));
        }
      },
    }, h('h2', {}, 'Upload a signed artifact'),
    h('label', { for: 'fw-file' }, 'File'), file, h('label', { for: 'fw-name' }, 'Name'), name,
    h('label', { for: 'fw-version' }, 'Version'), version, h('label', { for: 'fw-kind' }, 'Kind'), kind,
    h('label', { for: 'fw-models' }, 'Models'), models, h('label', { for: 'fw-signature' }, 'Signature'), signature,
    h('button', { type: 'submit' }, 'Upload'), error);
  }

  function campaignForm() {
    const artifact = h('select', { id: 'fw-artifact', required: true });
    const group = h('select', { id: 'fw-group' });
    const waves = h('input', { id: 'fw-waves', value: '1, 25%, 100%', title: 'a number is a rig count, n% a share of the targets; the last wave takes the rest' });
    const success = h('input', { id: 'fw-success', type: 'number', min: 0, max: 100, value: 100 });
    const errors = h('input', { id: 'fw-errors', type: 'number', min: 0, max: 100, value: 20 });
    const error = h('div', { 'aria-live': 'assertive' });
    const form = h('form', {
      class: 'card inline-form', id: 'fw-campaign',
      onsubmit: async (e) => {
        e.preventDefault();
        error.replaceChildren();
        try {
          const body = {
            artifactId: Number(artifact.value),
            successThreshold: Number(success.value),
            errorThreshold: Number(errors.value),
            waves: waves.value.split(',').map((w) => w.trim()).filter(Boolean)
              .map((w) => (w.endsWith('%') ? { percent: Number(w.slice(0, -1)) } : { size: Number(w) })),
          };
          if (group.value) body.groupId = Number(group.value);
          const c = await api('/api/v1/firmware/campaigns', { method: 'POST', body });
          toast(`Campaign ${c.name} created with ${c.progress.total} rigs; start it when ready.`);
          load();
        } catch (err) {
          error.append(note('error', err.message));
        }
      },
    }, h('h2', {}, 'New campaign'),
    h('label', { for: 'fw-artifact' }, 'Artifact'), artifact, h('label', { for: 'fw-group' }, 'Group'), group,
    h('label', { for: 'fw-waves' }, 'Waves'), waves, h('label', { for: 'fw-success' }, 'Success %'), success,
    h('label', { for: 'fw-errors' }, 'Error %'), errors, h('button', { type: 'submit' }, 'Create campaign'), error);
    form.refresh = () => {
      const keep = artifact.value;
      clear(artifact).append(...artifactList.map((a) => h('option', { value: a.id }, `${a.name} ${a.version}`)));
      if (keep) artifact.value = keep;
      const keepGroup = group.value;
      clear(group).append(h('option', { value: '' }, 'all rigs'), ...groupList.map((g) => h('option', { value: g.id }, g.name)));
      group.value = keepGroup;
    };
    campaignForm.form = form;
    return form;
  }

  function waveBar(w) {
    const p = w.progress;
    const done = p.installed + p.failed;
    return h('div', { class: 'progress-panel', dataset: { wave: w.number } },
      h('p', {}, `Wave ${w.number}: ${w.state} · ${count(p.installed)} installed, ${count(p.failed)} failed, ${count(p.inProgress)} updating, ${count(p.pending)} pending of ${count(p.total)}`,
        ` (success ≥ ${w.successThreshold}%, stop above ${w.errorThreshold}% failed${w.onSuccess === 'pause' ? ', then wait for approval' : ''})`),
      h('progress', { max: Math.max(1, p.total), value: done, 'aria-label': `wave ${w.number} progress` }));
  }

  function campaignCard(c) {
    const actions = ctx.canAct ? (ACTIONS[c.state] || []).map((a) => h('button', {
      type: 'button', class: a === 'cancel' ? 'secondary' : '', dataset: { action: a },
      onclick: async () => {
        try {
          await api(`/api/v1/firmware/campaigns/${c.id}/${a}`, { method: 'POST' });
          toast(`Campaign ${c.name}: ${a}.`);
          load();
        } catch (err) {
          toast(err.message);
        }
      },
    }, a === 'retry' ? 'Retry failed rigs' : a[0].toUpperCase() + a.slice(1))) : [];
    return h('article', { class: 'card', dataset: { campaign: c.id, state: c.state } },
      h('h3', {}, `${c.name} → ${c.artifactVersion} `, h('span', { class: `badge state-${c.state}` }, c.state)),
      c.stateReason ? note(c.state === 'stopped' ? 'error' : 'info', c.stateReason) : '',
      h('p', {}, `${count(c.progress.installed)} of ${count(c.progress.total)} rigs installed, ${count(c.progress.failed)} failed · created ${when(c.createdAt)} by ${c.createdBy || '?'}`),
      ...c.waves.map(waveBar),
      h('p', {}, ...actions, h('button', { type: 'button', class: 'secondary', onclick: () => { shown = c.id; loadRigs(); } }, 'Rigs')));
  }

  async function loadRigs() {
    if (shown === null) return;
    try {
      const r = await api(`/api/v1/firmware/campaigns/${shown}/rigs`);
      clear(rigs).append(h('h2', {}, `Campaign ${shown}: rigs`), h('div', { class: 'table-wrap' }, h('table', { class: 'compact', id: 'firmware-rig-table' },
        h('thead', {}, h('tr', {}, ['Rig', 'Wave', 'State', 'Reason', 'Attempts', 'From version', 'Updated'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, r.items.map((x) => h('tr', {},
          h('td', {}, h('a', { href: `#/rigs/${x.rigId}` }, x.rigName || x.rigId)), h('td', { class: 'num' }, x.wave),
          h('td', {}, x.state), h('td', {}, x.reason || ''), h('td', { class: 'num' }, x.attempts),
          h('td', {}, x.fromVersion || ''), h('td', {}, when(x.updatedAt))))))));
    } catch (e) {
      clear(rigs).append(note('error', e.message));
    }
  }

  async function load() {
    try {
      const [c, a, g] = await Promise.all([
        api('/api/v1/firmware/campaigns'), api('/api/v1/firmware/artifacts'), api('/api/v1/groups')]);
      artifactList = a.items;
      groupList = g.items;
      if (campaignForm.form) campaignForm.form.refresh();
      clear(campaigns).append(...(c.items.length ? c.items.map(campaignCard) : [note('empty', 'No campaigns yet.')]));
      clear(artifacts).append(a.items.length
        ? h('table', { class: 'compact', id: 'firmware-artifact-table' },
          h('thead', {}, h('tr', {}, ['Name', 'Version', 'Kind', 'Models', 'Size', 'SHA-256', 'Key', 'Uploaded'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, a.items.map((x) => h('tr', {},
            h('td', {}, x.name), h('td', {}, x.version), h('td', {}, x.kind), h('td', {}, x.models.join(', ') || 'any'),
            h('td', { class: 'num' }, count(x.sizeBytes)), h('td', { class: 'mono' }, `${x.sha256.slice(0, 16)}…`),
            h('td', { class: 'mono' }, x.keyId), h('td', {}, when(x.createdAt))))))
        : note('empty', 'No artifacts yet. Sign one with "otedama-controller firmware sign" and upload it.'));
      await loadRigs();
    } catch (e) {
      clear(campaigns).append(note('error', e.message));
    }
  }

  await load();
  const poll = setInterval(load, 3000);
  return () => clearInterval(poll);
}
