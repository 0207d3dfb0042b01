// Groups: the list with rig counts, and (for operators) a form to create one. Rigs are assigned
// from the rigs table (select, then "Move to") or on a rig's page.
import { api } from '../api.js';
import { clear, count, h, note, toast, when } from '../dom.js';

export async function render(main, ctx) {
  const list = h('div', { id: 'group-list' }, note('loading', 'Loading groups…'));
  main.append(h('h1', {}, 'Groups'));
  if (ctx.canAct) {
    const name = h('input', { id: 'group-name', required: true, maxlength: 100 });
    const kind = h('input', { id: 'group-kind', placeholder: 'site, rack, model…', maxlength: 50 });
    const description = h('input', { id: 'group-description', maxlength: 500 });
    const error = h('div', { 'aria-live': 'assertive' });
    main.append(h('form', {
      class: 'card inline-form', id: 'group-form', 'aria-labelledby': 'group-form-title',
      onsubmit: async (e) => {
        e.preventDefault();
        error.replaceChildren();
        try {
          const body = { name: name.value.trim() };
          if (kind.value.trim()) body.kind = kind.value.trim();
          if (description.value.trim()) body.description = description.value.trim();
          const g = await api('/api/v1/groups', { method: 'POST', body });
          toast(`Group ${g.name} created.`);
          e.target.reset();
          load();
        } catch (err) {
          error.append(note('error', err.message));
        }
      },
    }, h('h2', { id: 'group-form-title' }, 'New group'),
    h('label', { for: 'group-name' }, 'Name'), name,
    h('label', { for: 'group-kind' }, 'Kind'), kind,
    h('label', { for: 'group-description' }, 'Description'), description,
    h('button', { type: 'submit', id: 'group-create' }, 'Create group'), error));
    main.append(note('info', 'To put rigs in a group, select them on the Rigs page and use "Move to". Work profiles for a group arrive with the work feature.'));
  }
  main.append(list);

  async function load() {
    try {
      const groups = await api('/api/v1/groups');
      clear(list).append(groups.items.length
        ? h('table', { class: 'compact' },
          h('thead', {}, h('tr', {}, ['Name', 'Kind', 'Rigs', 'Description', 'Created'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, groups.items.map((g) => h('tr', {},
            h('td', {}, h('a', { href: `#/rigs?group=${g.id}` }, g.name)), h('td', {}, g.kind),
            h('td', { class: 'num' }, count(g.rigCount)), h('td', {}, g.description || ''), h('td', {}, when(g.createdAt))))))
        : note('empty', 'No groups yet.'));
    } catch (e) {
      clear(list).append(note('error', e.message));
    }
  }
  await load();
}
