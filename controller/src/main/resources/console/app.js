// The console shell: who is signed in, the navigation for their role, and hash routing (so the
// back button and bookmarks work). Each page is a module with render(main, ctx) that may return a
// cleanup function (closing streams, stopping polls) called when the route changes.
import { api, setCsrfToken, whenUnauthorized } from './api.js';
import { clear, h, note } from './dom.js';
import * as login from './pages/login.js';
import * as overview from './pages/overview.js';
import * as rigs from './pages/rigs.js';
import * as rig from './pages/rig.js';
import * as groups from './pages/groups.js';
import * as firmware from './pages/firmware.js';
import * as enrollment from './pages/enrollment.js';
import * as users from './pages/users.js';
import * as audit from './pages/audit.js';
import * as money from './pages/money.js';
import * as power from './pages/power.js';
import * as jobs from './pages/jobs.js';

const STAFF = ['admin', 'operator', 'viewer'];
const ACTORS = ['admin', 'operator'];
const EVERYONE = ['admin', 'operator', 'viewer', 'client'];

const ROUTES = [
  { path: /^\/overview$/, page: overview, roles: STAFF, nav: 'Overview', href: '#/overview' },
  { path: /^\/rigs$/, page: rigs, roles: EVERYONE, nav: 'Rigs', href: '#/rigs' },
  { path: /^\/rigs\/([^/]+)$/, page: rig, roles: EVERYONE },
  { path: /^\/groups$/, page: groups, roles: STAFF, nav: 'Groups', href: '#/groups' },
  { path: /^\/firmware$/, page: firmware, roles: STAFF, nav: 'Firmware', href: '#/firmware' },
  { path: /^\/enrollment$/, page: enrollment, roles: ACTORS, nav: 'Enrollment', href: '#/enrollment' },
  { path: /^\/power$/, page: power, roles: STAFF, nav: 'Power', href: '#/power' },
  { path: /^\/shares$/, page: money.shares, roles: EVERYONE, nav: 'Shares', href: '#/shares' },
  { path: /^\/accounts$/, page: money.accounts, roles: EVERYONE, nav: 'Accounts', href: '#/accounts' },
  { path: /^\/payouts$/, page: money.payouts, roles: EVERYONE, nav: 'Payouts', href: '#/payouts' },
  { path: /^\/users$/, page: users, roles: ['admin'], nav: 'Users', href: '#/users' },
  { path: /^\/audit$/, page: audit, roles: ['admin'], nav: 'Audit log', href: '#/audit' },
  { path: /^\/jobs$/, page: jobs, roles: ['admin'], nav: 'Jobs', href: '#/jobs' },
];

let session = null;
let cleanup = null;
const main = document.getElementById('main');

function home() {
  return session && session.role === 'client' ? '#/rigs' : '#/overview';
}

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, qs] = raw.split('?');
  return { path, params: new URLSearchParams(qs || '') };
}

/** Replaces the query part of the current route, adding a history entry (back undoes it). */
function navigate(path, params) {
  const qs = params ? new URLSearchParams(params).toString() : '';
  const target = `#${path}${qs ? `?${qs}` : ''}`;
  if (location.hash !== target) location.hash = target;
}

function renderChrome(currentPath) {
  const top = document.getElementById('topbar');
  top.hidden = !session;
  if (!session) return;
  const nav = clear(document.getElementById('nav'));
  for (const route of ROUTES) {
    if (!route.nav || !route.roles.includes(session.role)) continue;
    const current = currentPath === route.href.slice(1) || currentPath.startsWith(`${route.href.slice(1)}/`);
    nav.append(h('a', { href: route.href, 'aria-current': current ? 'page' : null }, route.nav));
  }
  document.getElementById('who').textContent = `${session.username} (${session.role})`;
}

async function route() {
  if (cleanup) {
    try {
      cleanup();
    } catch (e) {
      console.warn('page cleanup failed', e);
    }
    cleanup = null;
  }
  const { path, params } = parseHash();
  if (!session && path !== '/login') {
    location.replace(`#/login`);
    return;
  }
  if (session && (path === '/login' || path === '/')) {
    location.replace(home());
    return;
  }
  renderChrome(path);
  clear(main);
  if (path === '/login') {
    cleanup = login.render(main, { signedIn });
    return;
  }
  const matched = ROUTES.map((r) => ({ r, m: path.match(r.path) })).find((x) => x.m);
  if (!matched) {
    main.append(h('h1', {}, 'Not found'), note('error', `There is no page ${path}.`),
      h('p', {}, h('a', { href: home() }, 'Go to the start page')));
    return;
  }
  if (!matched.r.roles.includes(session.role)) {
    main.append(h('h1', {}, 'Not allowed'),
      note('error', `The ${session.role} role cannot open this page.`));
    return;
  }
  const ctx = {
    session,
    params,
    match: matched.m,
    canAct: ACTORS.includes(session.role),
    isAdmin: session.role === 'admin',
    navigate,
  };
  document.title = `${matched.r.nav || 'Rig'} · Otedama console`;
  try {
    cleanup = (await matched.r.page.render(main, ctx)) || null;
  } catch (e) {
    main.append(note('error', e.message || String(e)));
  }
  main.focus({ preventScroll: true });
}

function signedIn(s) {
  session = s;
  setCsrfToken(s.csrfToken);
  location.replace(home());
  route();
}

async function signOut() {
  try {
    await api('/api/v1/auth/session', { method: 'DELETE' });
  } catch (e) {
    console.warn('sign-out failed', e);
  }
  session = null;
  setCsrfToken(null);
  location.replace('#/login');
  route();
}

whenUnauthorized(() => {
  if (!session) return;
  session = null;
  setCsrfToken(null);
  location.replace('#/login');
  route();
});

document.getElementById('logout').addEventListener('click', signOut);
window.addEventListener('hashchange', route);

(async () => {
  try {
    const s = await api('/api/v1/auth/session');
    session = s;
    setCsrfToken(s.csrfToken);
  } catch {
    session = null;
  }
  route();
})();
