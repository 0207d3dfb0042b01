// Groups and work profiles. A group is pointed at a work profile (an ordered pool list, failover in
// list order, or the local source); its rigs move to the profile's work at once. Operators create
// and edit groups and profiles and put rigs in groups; viewers read. Pool passwords are never shown:
// the API gives a hint, and a pool saved without a new password keeps the one it had.
import { api, query } from '../api.js';
import { clear, count, h, note, toast, when } from '../dom.js';
import { confirmDialog } from '../commands.js';

const MAX_POOLS = 8;

export async function render(main, ctx) {
  const groupList = h('div', { id: 'group-list' }, note('loading', 'Loading groups…'));
  const profileList = h('div', { id: 'profile-list' }, note('loading', 'Loading work profiles…'));
  const editorBox = h('div', { id: 'profile-editor-box' });
  const assignBox = h('div', { id: 'assign-box' });
  let groups = [];
  let profiles = null; // null: the work profile API is not available
  let defaultProfile = '';
  let groupEditor = null;

  main.append(h('h1', {}, 'Groups and work profiles'));
  if (ctx.canAct) main.append(groupForm());
  main.append(h('section', { 'aria-labelledby': 'groups-title' }, h('h2', { id: 'groups-title' }, 'Groups'), groupList));
  if (ctx.canAct) main.append(assignBox);
  main.append(h('section', { 'aria-labelledby': 'profiles-title' },
    h('div', { class: 'page-head' }, h('h2', { id: 'profiles-title' }, 'Work profiles'),
      ctx.canAct ? h('button', { type: 'button', class: 'secondary', id: 'profile-new', onclick: () => editProfile(null) }, 'New profile') : null),
    editorBox, profileList));

  function groupForm() {
    const title = h('h2', { id: 'group-form-title' }, 'New group');
    const name = h('input', { id: 'group-name', required: true, maxlength: 100 });
    const kind = h('input', { id: 'group-kind', placeholder: 'site, rack, model…', maxlength: 50 });
    const description = h('input', { id: 'group-description', maxlength: 500 });
    const submit = h('button', { type: 'submit', id: 'group-create' }, 'Create group');
    const cancel = h('button', { type: 'button', class: 'secondary', id: 'group-cancel', hidden: true, onclick: () => reset() }, 'Cancel');
    const error = h('div', { 'aria-live': 'assertive' });
    let editing = null;
    const reset = () => {
      editing = null;
      form.reset();
      title.textContent = 'New group';
      submit.textContent = 'Create group';
      cancel.hidden = true;
    };
    const form = h('form', {
      class: 'card inline-form', id: 'group-form', 'aria-labelledby': 'group-form-title',
      onsubmit: async (e) => {
        e.preventDefault();
        error.replaceChildren();
        try {
          const body = { name: name.value.trim() };
          if (kind.value.trim()) body.kind = kind.value.trim();
          if (description.value.trim() || editing) body.description = description.value.trim();
          const g = editing
            ? await api(`/api/v1/groups/${editing.id}`, { method: 'PUT', body })
            : await api('/api/v1/groups', { method: 'POST', body });
          toast(editing ? `Group ${g.name} saved.` : `Group ${g.name} created.`);
          reset();
          await load();
        } catch (err) {
          error.append(note('error', err.message));
        }
      },
    }, title,
    h('label', { for: 'group-name' }, 'Name'), name,
    h('label', { for: 'group-kind' }, 'Kind'), kind,
    h('label', { for: 'group-description' }, 'Description'), description,
    submit, cancel, error);
    groupEditor = (g) => {
      editing = g;
      name.value = g.name;
      kind.value = g.kind || '';
      description.value = g.description || '';
      title.textContent = `Edit group ${g.name}`;
      submit.textContent = 'Save group';
      cancel.hidden = false;
      form.scrollIntoView({ block: 'nearest' });
      name.focus();
    };
    return form;
  }

  function profileOf(groupId) {
    if (!profiles) return null;
    const p = profiles.find((x) => x.groupIds.includes(groupId));
    return p ? p.name : '';
  }

  function renderGroups() {
    if (!groups.length) {
      clear(groupList).append(note('empty', ctx.canAct ? 'No groups yet: create one above.' : 'No groups yet.'));
      return;
    }
    const cols = ['Name', 'Kind', 'Rigs', 'Work profile', 'Description', 'Created', ...(ctx.canAct ? [''] : [])];
    clear(groupList).append(h('div', { class: 'table-wrap' }, h('table', { class: 'compact', id: 'group-table' },
      h('thead', {}, h('tr', {}, cols.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, groups.map((g) => h('tr', { dataset: { group: g.id } },
        h('td', {}, h('a', { href: `#/rigs?group=${g.id}` }, g.name)), h('td', {}, g.kind),
        h('td', { class: 'num' }, count(g.rigCount)),
        h('td', {}, profileCell(g)),
        h('td', {}, g.description || ''), h('td', {}, when(g.createdAt)),
        ctx.canAct ? h('td', { class: 'actions-cell' }, h('button', {
          type: 'button', class: 'secondary group-edit', 'aria-label': `Edit ${g.name}`, onclick: () => groupEditor(g),
        }, 'Edit'), h('button', {
          type: 'button', class: 'secondary group-delete', 'aria-label': `Delete ${g.name}`, onclick: () => deleteGroup(g),
        }, 'Delete')) : null))))));
  }

  async function deleteGroup(g) {
    const rigs = `${count(g.rigCount)} rig${g.rigCount === 1 ? '' : 's'}`;
    if (!(await confirmDialog(`Delete group ${g.name}?`,
      `Its ${rigs} stay, in no group, and move to the default work profile (${defaultProfile || 'default'}) at once. Its maintenance window goes with it.`, 'Delete group'))) return;
    try {
      const r = await api(`/api/v1/groups/${g.id}`, { method: 'DELETE' });
      toast(`Group ${g.name} deleted; ${count(r.rigsUngrouped)} rig${r.rigsUngrouped === 1 ? '' : 's'} now in no group.`);
    } catch (e) {
      toast(e.message);
    }
    await load();
  }

  function profileCell(g) {
    const current = profileOf(g.id);
    if (current === null) return '—';
    if (!ctx.canAct) return current || `${defaultProfile} (default)`;
    const select = h('select', { class: 'group-profile', 'aria-label': `Work profile of ${g.name}`, dataset: { group: g.id } },
      h('option', { value: '', selected: current === '' }, `${defaultProfile} (default)`),
      profiles.filter((p) => !p.isDefault).map((p) => h('option', { value: p.name, selected: p.name === current }, p.name)));
    select.addEventListener('change', async () => {
      const target = select.value;
      const label = target || `${defaultProfile} (default)`;
      if (!(await confirmDialog(`Point ${g.name} at ${label}?`,
        `Its ${count(g.rigCount)} rig${g.rigCount === 1 ? '' : 's'} move to the profile's work at once.`, 'Point group'))) {
        select.value = current;
        return;
      }
      try {
        await api(`/api/v1/groups/${g.id}/work-profile`, { method: 'PUT', body: { profile: target || null } });
        toast(`${g.name} now mines on ${label}.`);
      } catch (e) {
        toast(e.message);
      }
      await load();
    });
    return select;
  }

  function renderProfiles() {
    if (profiles === null) return;
    if (!profiles.length) {
      clear(profileList).append(note('empty', 'No work profiles yet.'));
      return;
    }
    const groupName = (id) => (groups.find((g) => g.id === id) || { name: `#${id}` }).name;
    clear(profileList).append(h('div', { class: 'profiles' }, profiles.map((p) => h('article', {
      class: 'card profile', dataset: { profile: p.name }, 'aria-labelledby': `profile-${p.name}`,
    },
    h('div', { class: 'page-head' },
      h('h3', { id: `profile-${p.name}` }, p.name, p.isDefault ? ' (default)' : ''),
      h('span', { class: 'muted' }, `${p.kind === 'local' ? 'local source' : `${p.pools.length} pool${p.pools.length === 1 ? '' : 's'}`}, ${p.algorithm}${p.running ? ', running' : ''}`),
      ctx.canAct && p.kind === 'pools' ? h('button', { type: 'button', class: 'secondary profile-edit', onclick: () => editProfile(p) }, 'Edit') : null,
      ctx.canAct && !p.isDefault ? h('button', { type: 'button', class: 'secondary profile-delete', onclick: () => deleteProfile(p) }, 'Delete') : null),
    p.pools.length ? h('ol', { class: 'pools' }, p.pools.map((pool) => h('li', {},
      h('strong', {}, pool.name), ` ${pool.url} as ${pool.user}`,
      pool.passwordSet ? h('span', { class: 'muted' }, ` (password ${pool.passwordHint})`) : null))) : null,
    h('p', { class: 'muted' }, p.isDefault
      ? 'Rigs in no group, or in a group without a profile, mine here.'
      : p.groupIds.length ? `Groups: ${p.groupIds.map(groupName).join(', ')}` : 'No group uses this profile.')))));
  }

  async function deleteProfile(p) {
    if (!(await confirmDialog(`Delete work profile ${p.name}?`, 'Its pools are forgotten. Groups must point elsewhere first.', 'Delete'))) return;
    try {
      await api(`/api/v1/work-profiles/${encodeURIComponent(p.name)}`, { method: 'DELETE' });
      toast(`Work profile ${p.name} deleted.`);
    } catch (e) {
      toast(e.message);
    }
    await load();
  }

  function editProfile(p) {
    const editing = !!p;
    const name = h('input', { id: 'profile-name', required: true, maxlength: 64, value: p ? p.name : '', readonly: editing });
    const algorithm = h('select', { id: 'profile-algorithm' },
      ['sha256d', 'scrypt'].map((a) => h('option', { value: a, selected: p && p.algorithm === a }, a)));
    const rows = h('tbody', { id: 'pool-rows' });
    const error = h('div', { 'aria-live': 'assertive' });
    const addRow = (pool) => {
      if (rows.children.length >= MAX_POOLS) {
        toast(`A profile has at most ${MAX_POOLS} pools.`);
        return;
      }
      const n = rows.children.length + 1;
      const tr = h('tr', { class: 'pool-row' },
        h('td', { class: 'num pos' }, String(n)),
        h('td', {}, h('input', { class: 'pool-name', 'aria-label': 'Pool name', maxlength: 64, size: 10, value: pool ? pool.name : '' })),
        h('td', {}, h('input', { class: 'pool-url', 'aria-label': 'Pool URL', required: true, size: 30, placeholder: 'stratum+tcp://pool.example:3333', value: pool ? pool.url : '' })),
        h('td', {}, h('input', { class: 'pool-user', 'aria-label': 'Pool user (worker)', required: true, size: 16, value: pool ? pool.user : '' })),
        h('td', {}, h('input', {
          class: 'pool-password', 'aria-label': 'Pool password', type: 'password', size: 10, autocomplete: 'off',
          placeholder: pool && pool.passwordSet ? `unchanged (${pool.passwordHint})` : 'x',
        })),
        h('td', { class: 'row-actions' },
          h('button', { type: 'button', class: 'secondary', 'aria-label': 'Move up', onclick: () => { if (tr.previousElementSibling) rows.insertBefore(tr, tr.previousElementSibling); renumber(); } }, '↑'),
          h('button', { type: 'button', class: 'secondary', 'aria-label': 'Move down', onclick: () => { if (tr.nextElementSibling) rows.insertBefore(tr.nextElementSibling, tr); renumber(); } }, '↓'),
          h('button', { type: 'button', class: 'secondary', 'aria-label': 'Remove pool', onclick: () => { tr.remove(); renumber(); } }, '✕')));
      rows.append(tr);
    };
    const renumber = () => [...rows.children].forEach((tr, i) => { tr.querySelector('.pos').textContent = String(i + 1); });
    (p ? p.pools : [null]).forEach(addRow);
    const form = h('form', {
      class: 'card', id: 'profile-editor', 'aria-labelledby': 'profile-editor-title',
      onsubmit: async (e) => {
        e.preventDefault();
        error.replaceChildren();
        const pools = [...rows.children].map((tr) => {
          const pool = {
            name: tr.querySelector('.pool-name').value.trim() || undefined,
            url: tr.querySelector('.pool-url').value.trim(),
            user: tr.querySelector('.pool-user').value.trim(),
          };
          const password = tr.querySelector('.pool-password').value;
          // empty keeps the stored password of an existing pool; a new pool gets what is typed
          if (password !== '') pool.password = password;
          return pool;
        });
        if (!pools.length) {
          error.append(note('error', 'A profile needs at least one pool.'));
          return;
        }
        try {
          const saved = await api(`/api/v1/work-profiles/${encodeURIComponent(name.value.trim())}`, {
            method: 'PUT', body: { kind: 'pools', algorithm: algorithm.value, pools },
          });
          toast(`Work profile ${saved.name} saved.`);
          clear(editorBox);
          await load();
        } catch (err) {
          error.append(note('error', err.message));
        }
      },
    },
    h('h3', { id: 'profile-editor-title' }, editing ? `Edit ${p.name}` : 'New work profile'),
    h('div', { class: 'row' }, h('label', { for: 'profile-name' }, 'Name'), name,
      h('label', { for: 'profile-algorithm' }, 'Algorithm'), algorithm),
    h('p', { class: 'muted' }, 'Pools in failover order: the first is the primary. Leave a password empty to keep the stored one.'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'compact' },
      h('thead', {}, h('tr', {}, ['#', 'Name', 'URL', 'User', 'Password', ''].map((t) => h('th', { scope: 'col' }, t)))), rows)),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'secondary', id: 'pool-add', onclick: () => addRow(null) }, 'Add pool'),
      h('button', { type: 'submit', id: 'profile-save' }, 'Save profile'),
      h('button', { type: 'button', class: 'secondary', onclick: () => clear(editorBox) }, 'Cancel')),
    error);
    clear(editorBox).append(form);
    (editing ? rows.querySelector('.pool-url') : name).focus();
  }

  function renderAssign() {
    if (!groups.length) {
      clear(assignBox);
      return;
    }
    const group = h('select', { id: 'assign-group' }, groups.map((g) => h('option', { value: g.id }, g.name)));
    const search = h('input', { id: 'assign-search', type: 'search', placeholder: 'rig name, id, model' });
    const results = h('div', { id: 'assign-results' });
    let found = [];
    const find = async () => {
      try {
        const page = await api(`/api/v1/rigs${query({ q: search.value.trim(), size: 50 })}`);
        found = page.items;
        clear(results).append(found.length
          ? h('div', {},
            h('p', { class: 'muted' }, page.total > found.length ? `First ${found.length} of ${count(page.total)} matching rigs` : `${found.length} matching rig${found.length === 1 ? '' : 's'}`),
            h('ul', { class: 'checklist' }, found.map((r) => h('li', {}, h('label', {},
              h('input', { type: 'checkbox', class: 'assign-rig', value: r.id, checked: true }), ` ${r.name}`,
              h('span', { class: 'muted' }, r.group ? ` (in ${r.group})` : ' (no group)'))))))
          : note('empty', 'No rig matches.'));
      } catch (e) {
        clear(results).append(note('error', e.message));
      }
    };
    clear(assignBox).append(h('form', {
      class: 'card', id: 'assign-form', 'aria-labelledby': 'assign-title',
      onsubmit: async (e) => {
        e.preventDefault();
        const ids = [...results.querySelectorAll('input.assign-rig:checked')].map((b) => b.value);
        if (!ids.length) {
          toast('Find and tick the rigs to put in the group first.');
          return;
        }
        const name = group.selectedOptions[0].textContent;
        try {
          const moved = await api(`/api/v1/groups/${group.value}/rigs`, { method: 'POST', body: { rigIds: ids } });
          toast(`Put ${moved.moved} rig${moved.moved === 1 ? '' : 's'} in ${name}.`);
          clear(results);
          search.value = '';
          await load();
        } catch (err) {
          toast(err.message);
        }
      },
    }, h('h2', { id: 'assign-title' }, 'Put rigs in a group'),
    h('div', { class: 'row' },
      h('label', { for: 'assign-search' }, 'Find rigs'), search,
      h('button', { type: 'button', class: 'secondary', id: 'assign-find', onclick: find }, 'Find'),
      h('label', { for: 'assign-group' }, 'Group'), group,
      h('button', { type: 'submit', id: 'assign-submit' }, 'Put ticked rigs in group')),
    results,
    h('p', { class: 'muted' }, 'Many rigs at once: filter them on the Rigs page, select all matching, and use "Move to".')));
    search.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        find();
      }
    });
  }

  async function load() {
    try {
      groups = (await api('/api/v1/groups')).items;
    } catch (e) {
      clear(groupList).append(note('error', e.message));
      return;
    }
    try {
      const p = await api('/api/v1/work-profiles');
      profiles = p.items;
      defaultProfile = p.defaultProfile;
    } catch (e) {
      profiles = null;
      clear(profileList).append(note(e.status === 404 ? 'info' : 'error',
        e.status === 404 ? 'Work profiles are not available on this controller.' : e.message));
    }
    renderGroups();
    renderProfiles();
    if (ctx.canAct) renderAssign();
  }
  await load();
}
