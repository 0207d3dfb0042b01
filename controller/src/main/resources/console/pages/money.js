// Shares, accounts and payouts. Each page asks its endpoint and shows what it returns; an endpoint
// this controller does not serve (404) is said plainly ("not available"), never invented figures.
import { api, query } from '../api.js';
import { clear, count, h, note, when } from '../dom.js';

const RANGES = [['1h', 'Last hour', 3600e3], ['24h', '24 hours', 86400e3], ['7d', '7 days', 7 * 86400e3], ['30d', '30 days', 30 * 86400e3]];
const ROWS = 200;

export function sats(n) {
  if (n === null || n === undefined) return '—';
  return `${Number(n).toLocaleString('en-US')} sat`;
}

/** Share difficulty: tiny test difficulties stay readable instead of rounding to 0. */
function difficulty(n) {
  const v = Number(n);
  if (!v) return '0';
  return v < 0.01 ? v.toExponential(2) : v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function btc(n) {
  return n === null || n === undefined ? '' : `${(Number(n) / 1e8).toFixed(8)} BTC`;
}

/** Loads {@code path} into {@code box}; 404 and 403 become clear states, other errors an alert. */
async function load(box, path, show, what) {
  clear(box).append(note('loading', `Loading ${what}…`));
  try {
    const data = await api(path);
    clear(box).append(show(data));
    return data;
  } catch (e) {
    clear(box).append(e.status === 404
      ? note('info', `Not available yet: this controller does not serve ${path}, so there are no ${what} to show.`)
      : e.status === 403 ? note('info', `Your role cannot see ${what}.`) : note('error', `The ${what} could not be loaded: ${e.message}`));
    return null;
  }
}

function rangeLinks(path, current, extra = {}) {
  return h('nav', { class: 'period', 'aria-label': 'Period' }, RANGES.map(([key, label]) =>
    h('a', { class: 'button-like', href: `#${path}${query({ ...extra, range: key })}`, 'aria-current': key === current ? 'true' : null }, label)));
}

function table(id, cols, rows) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'compact', id },
    h('thead', {}, h('tr', {}, cols.map(([label, num]) => h('th', { scope: 'col', class: num ? 'num' : null }, label)))),
    h('tbody', {}, rows)));
}

export const shares = {
  async render(main, ctx) {
    const range = RANGES.find((r) => r[0] === ctx.params.get('range')) || RANGES[1];
    const to = new Date();
    const from = new Date(to.getTime() - range[2]);
    const totals = h('div', { id: 'share-totals' });
    const perRig = h('div', { id: 'share-rigs' });
    main.append(h('h1', {}, 'Shares'), rangeLinks('/shares', range[0]), totals,
      h('h2', {}, 'Per rig'), perRig);
    const data = await load(totals, `/api/v1/shares/summary${query({ from: from.toISOString(), to: to.toISOString() })}`, (s) => {
      const t = s.total;
      const all = t.accepted + t.rejected;
      const reasons = Object.entries(t.rejectedByReason || {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
      return h('div', {},
        h('p', { class: 'muted' }, `${when(s.from)} to ${when(s.to)} (whole hours)`),
        h('div', { class: 'cards' },
          h('div', { class: 'card stat online' }, h('span', { class: 'label' }, 'Accepted'), h('strong', { id: 'shares-accepted' }, count(t.accepted))),
          h('div', { class: 'card stat offline' }, h('span', { class: 'label' }, 'Rejected'), h('strong', { id: 'shares-rejected' }, count(t.rejected)),
            h('span', { class: 'extra' }, all ? `${((100 * t.rejected) / all).toFixed(2)} % of all` : 'none submitted')),
          h('div', { class: 'card stat' }, h('span', { class: 'label' }, 'Accepted difficulty'), h('strong', {}, difficulty(t.acceptedDifficulty)))),
        h('h2', {}, 'Rejected by reason'),
        reasons.length
          ? table('share-reasons', [['Reason'], ['Shares', true]], reasons.map(([r, n]) => h('tr', {}, h('td', {}, r), h('td', { class: 'num' }, count(n)))))
          : note('empty', 'No rejected shares in this period.'));
    }, 'shares');
    if (!data) {
      clear(perRig);
      return;
    }
    const rigs = [...data.rigs].sort((a, b) => b.accepted - a.accepted);
    clear(perRig).append(rigs.length
      ? h('div', {},
        rigs.length > ROWS ? h('p', { class: 'muted' }, `The ${ROWS} rigs with the most accepted shares of ${count(rigs.length)}.`) : null,
        table('share-rig-table', [['Rig'], ['Accepted', true], ['Rejected', true], ['Reject %', true], ['Top reject reason'], ['Difficulty', true]],
          rigs.slice(0, ROWS).map((r) => {
            const top = Object.entries(r.rejectedByReason || {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1])[0];
            const all = r.accepted + r.rejected;
            return h('tr', {},
              h('td', {}, h('a', { href: `#/rigs/${encodeURIComponent(r.rigId)}` }, r.rigId)),
              h('td', { class: 'num' }, count(r.accepted)), h('td', { class: 'num' }, count(r.rejected)),
              h('td', { class: 'num' }, all ? ((100 * r.rejected) / all).toFixed(2) : '—'),
              h('td', {}, top ? `${top[0]} (${count(top[1])})` : ''),
              h('td', { class: 'num' }, difficulty(r.acceptedDifficulty)));
          })))
      : note('empty', 'No rig submitted shares in this period.'));
  },
};

export const accounts = {
  async render(main, ctx) {
    const check = h('div', { id: 'ledger-check' });
    const box = h('div', { id: 'accounts' });
    main.append(h('div', { class: 'page-head' }, h('h1', {}, 'Accounts'), check), box);
    if (ctx.session.role !== 'client') {
      load(check, '/api/v1/ledger/check', (c) => h('span', { class: c.balanced ? 'ok' : 'bad', role: 'status' },
        c.balanced ? `Ledger balanced (${count(c.transactions)} transactions checked ${when(c.checkedAt)})`
          : `Ledger NOT balanced: ${count(c.unbalancedTransactionCount)} unbalanced transactions, ${count(c.balanceMismatchCount)} balance mismatches`), 'ledger check');
    }
    await load(box, '/api/v1/accounts', (b) => {
      // {"items":[account with balances],"total","farm"} (farm for staff); older shapes tolerated
      const clients = Array.isArray(b) ? b : b.items || b.clients || [];
      const farmMap = b.farm || b.farmSats;
      const farm = farmMap ? Object.entries(farmMap) : [];
      const rigCount = (r) => (Array.isArray(r) ? r.length : r);
      return h('div', {},
        farm.length ? h('section', {}, h('h2', {}, 'Farm'), h('dl', { class: 'facts', id: 'farm-balances' },
          farm.map(([k, v]) => [h('dt', {}, k), h('dd', {}, `${sats(v)} `, h('span', { class: 'muted' }, btc(v)))]))) : null,
        h('h2', {}, ctx.session.role === 'client' ? 'Your account' : 'Client accounts'),
        clients.length
          ? table('account-table', [['Account'], ['Scheme'], ['Site'], ['Rigs', true], ['Earnings', true], ['Fees', true],
            ['Electricity', true], ['Paid out', true], ['Payable', true], ['Threshold', true], ['Wallet']],
          clients.map((c) => h('tr', {},
            h('td', {}, `${c.id ?? c.clientAccountId ?? c.accountId ?? ''}${c.name ? ` ${c.name}` : ''}`),
            h('td', {}, c.scheme || ''), h('td', {}, c.site ? (c.site.name || c.site.code || String(c.site)) : ''),
            h('td', { class: 'num' }, c.rigs === undefined ? '' : count(rigCount(c.rigs))),
            h('td', { class: 'num' }, sats(c.earningsSats)), h('td', { class: 'num' }, sats(c.feesSats)),
            h('td', { class: 'num' }, sats(c.electricitySats)), h('td', { class: 'num' }, sats(c.paidSats ?? c.payoutsSats)),
            h('td', { class: 'num' }, h('strong', {}, sats(c.payableSats))),
            h('td', { class: 'num' }, c.payoutThresholdSats === undefined ? '' : sats(c.payoutThresholdSats)),
            h('td', { class: 'wallet' }, c.walletAddress || '—'))))
          : note('empty', ctx.session.role === 'client' ? 'No account is linked to your login yet.' : 'No client accounts yet.'));
    }, 'accounts');
  },
};

export const payouts = {
  async render(main) {
    const box = h('div', { id: 'payouts' });
    main.append(h('h1', {}, 'Payouts'), box);
    await load(box, '/api/v1/payouts', (p) => {
      const batches = Array.isArray(p) ? p : p.items || [];
      if (!batches.length) return note('empty', 'No payout batches yet: they appear after the payout job has run.');
      return h('div', {}, table('payout-table', [['Batch'], ['Period'], ['Status'], ['Total', true], ['Payments', true], ['Skipped', true], ['Transaction'], ['Paid']],
        batches.map((b) => h('tr', {},
          h('td', {}, String(b.id)),
          h('td', {}, b.period ? `${when(b.period.start)} – ${when(b.period.end)}` : ''),
          h('td', {}, h('span', { class: `badge payout-${b.status}` }, b.status || '')),
          h('td', { class: 'num' }, sats(b.totalSats)),
          h('td', { class: 'num' }, count((b.items || []).length)),
          h('td', { class: 'num' }, count((b.skips || []).length)),
          h('td', {}, b.txid || '—'),
          h('td', {}, b.paidAt ? when(b.paidAt) : '—')))),
      batches.filter((b) => (b.items || []).length || (b.skips || []).length).slice(0, 20).map((b) => h('details', { class: 'card' },
        h('summary', {}, `Batch ${b.id}: ${count((b.items || []).length)} payments, ${count((b.skips || []).length)} skipped`),
        (b.items || []).length ? table(null, [['Account'], ['Address'], ['Amount', true]], b.items.map((i) => h('tr', {},
          h('td', {}, String(i.accountId)), h('td', {}, i.address), h('td', { class: 'num' }, sats(i.amountSats))))) : null,
        (b.skips || []).length ? table(null, [['Account'], ['Payable', true], ['Why skipped']], b.skips.map((s) => h('tr', {},
          h('td', {}, String(s.accountId)), h('td', { class: 'num' }, sats(s.payableSats)), h('td', {}, s.reason)))) : null)));
    }, 'payout batches');
  },
};
