// Scheduled jobs (admin): each job's schedule, next and last run and its outcome, and "Run now"
// (after a confirmation: it runs once on some replica of the cluster, as the schedule would).
import { api } from '../api.js';
import { clear, h, note, toast, when } from '../dom.js';
import { confirmDialog } from '../commands.js';

export async function render(main) {
  const list = h('div', { id: 'job-list' }, note('loading', 'Loading jobs…'));
  main.append(h('h1', {}, 'Scheduled jobs'), list);
  async function load() {
    try {
      const jobs = (await api('/api/v1/jobs')).items || [];
      clear(list).append(jobs.length
        ? h('div', { class: 'table-wrap' }, h('table', { class: 'compact', id: 'job-table' },
          h('thead', {}, h('tr', {}, ['Job', 'Schedule', 'State', 'Next run', 'Last run', 'Outcome', ''].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, jobs.map((j) => h('tr', { dataset: { job: j.name } },
            h('td', {}, h('strong', {}, j.name), h('br'), h('span', { class: 'muted' }, j.description || '')), h('td', {}, j.schedule || ''),
            h('td', {}, j.running ? 'running' : (j.state || '').toLowerCase()),
            h('td', {}, when(j.nextRun)),
            h('td', {}, j.lastRun ? `${when(j.lastRun.startedAt)}${j.lastRun.manual ? ' (run now)' : ''}` : 'never'),
            h('td', {}, j.lastRun ? h('span', { title: j.lastRun.detail || '' }, `${j.lastRun.outcome || ''}${j.lastRun.detail ? `: ${j.lastRun.detail}` : ''}`) : '—'),
            h('td', {}, h('button', { type: 'button', class: 'secondary job-run', onclick: () => run(j) }, 'Run now')))))))
        : note('empty', 'No jobs are scheduled.'));
    } catch (e) {
      clear(list).append(e.status === 404
        ? note('info', 'Scheduling is off on this replica (scheduling.enabled: false): another replica runs the jobs.')
        : note('error', `The jobs could not be loaded: ${e.message}`));
    }
  }
  async function run(j) {
    if (!(await confirmDialog(`Run ${j.name} now?`, `${j.description || j.name}. It runs once, on some replica of the cluster, besides its schedule.`, 'Run now'))) return;
    try {
      await api(`/api/v1/jobs/${encodeURIComponent(j.name)}/run`, { method: 'POST' });
      toast(`${j.name} triggered.`);
    } catch (e) {
      toast(e.message);
    }
    await load();
  }
  await load();
}
