// HQD pages (the entry module): one document, the page and its filters in the URL (?page=…&from=…&to=…&hospital=…&by=…&period=…),
// data from the JSON API, charts with Apache ECharts; every chart has its table and CSV / Excel export.
// The helpers are modules of js/ (format, api, page, chart, table), each page a module of js/pages/.
import {api} from './js/api.js';
import {state, params, $, panel, monthsBack, go, setRenderer} from './js/page.js';
import {overview} from './js/pages/overview.js';
import {hospitals} from './js/pages/hospitals.js';
import {drg} from './js/pages/drg.js';
import {drgcost} from './js/pages/drgcost.js';
import {outliers} from './js/pages/outliers.js';
import {dip} from './js/pages/dip.js';
import {payment} from './js/pages/payment.js';
import {quality} from './js/pages/quality.js';
import {units} from './js/pages/units.js';
import {evaluation} from './js/pages/evaluation.js';
import {ranking} from './js/pages/ranking.js';
import {ledger} from './js/pages/ledger.js';
import {budget} from './js/pages/budget.js';
import {costing} from './js/pages/costing.js';
import {audit} from './js/pages/audit.js';

const pages = {overview, hospitals, drg, drgcost, outliers, dip, payment, quality, units, evaluation, ranking, ledger, budget, costing, audit};

function filters() {
  return {page: params.get('page') || 'overview', from: params.get('from') || '', to: params.get('to') || '',
    hospital: params.get('hospital') || '', by: params.get('by') || 'department', period: params.get('period') || '',
    drg: params.get('drg') || '', department: params.get('department') || '', plan: params.get('plan') || '',
    unit: params.get('unit') || '', lstatus: params.get('lstatus') || '', followup: params.get('followup') || '', task: params.get('task') || '',
    year: params.get('year') || '', month: params.get('month') || '', alerts: params.get('alerts') || '', group: params.get('group') || '',
    case: params.get('case') || '', q: params.get('q') || '', set: params.get('set') || ''};
}

async function show() {
  const f = filters();
  if (!f.period && state.info.lastMonth) f.period = monthsBack(state.info.lastMonth);
  const navPage = f.page === 'drgcost' ? 'units' : f.page;
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.page === navPage));
  $('f-from').value = f.from; $('f-to').value = f.to; $('f-hospital').value = f.hospital; $('f-by').value = f.by; $('f-period').value = f.period;
  $('f-by-box').style.display = f.page === 'units' ? '' : 'none';
  $('f-department-box').style.display = f.page === 'units' || f.page === 'drgcost' ? '' : 'none';
  $('f-department').value = f.department;
  $('f-period-box').style.display = f.page === 'overview' || f.page === 'evaluation' || f.page === 'ranking' || f.page === 'ledger' ? '' : 'none';
  // the evaluation, ranking and ledger are of a period (评价期间), budget and costing of a year: no discharge dates
  $('f-dates-box').style.display = ['evaluation', 'ranking', 'ledger', 'budget', 'costing'].includes(f.page) ? 'none' : '';
  if (f.page === 'ledger') $('f-hospital-box').style.display = 'none';
  else if (!state.me.hospital) $('f-hospital-box').style.display = '';
  // no filter applies (e.g. a hospital user's ledger or budget): no filter bar
  $('filters').style.display = [...$('filters').querySelectorAll('label')].some(l => l.style.display !== 'none') ? '' : 'none';
  state.charts.forEach(c => c.dispose());
  state.charts = [];
  $('main').innerHTML = '';
  $('main').dataset.page = f.page;
  $('main').dataset.ready = 'false';
  try {
    await (pages[f.page] || pages.overview)(f);
  } catch (e) {
    const p = panel('无法显示', true);
    const m = document.createElement('p');
    m.className = 'error';
    m.textContent = e.message;
    p.appendChild(m);
  }
  $('main').dataset.ready = 'true';
}


async function start() {
  state.me = await api('/api/session');
  sessionStorage.setItem('csrf', state.me.csrf);
  $('me').textContent = state.me.name + '（' + state.me.roleLabel + (state.me.regionName ? ' · ' + state.me.regionName : '')
    + (state.me.hospital ? ' · ' + state.me.hospital : '') + (state.me.department ? ' · ' + state.me.department : '') + '）';
  if (state.me.role !== 'ADMIN') document.querySelectorAll('.admin-only').forEach(a => a.remove());
  if (state.me.role === 'DEPARTMENT') document.querySelectorAll('.no-department').forEach(a => a.remove());
  state.info = await api('/api/info');
  state.hospitals = await api('/api/hospitals');
  state.hospitals.forEach(h => { const o = document.createElement('option'); o.value = h.id; o.textContent = h.id + ' ' + h.name; $('f-hospital').appendChild(o); });
  if (state.me.hospital) { $('f-hospital-box').style.display = 'none'; }
  document.querySelectorAll('#nav a').forEach(a => a.onclick = () => go({page: a.dataset.page, drg: '', task: '', case: '', q: ''}));
  $('menu').onclick = () => document.body.classList.toggle('menu-open');
  $('apply').onclick = () => go({from: $('f-from').value, to: $('f-to').value, hospital: $('f-hospital').value, by: $('f-by').value, period: $('f-period').value, department: $('f-department').value});
  $('logout').onclick = async () => { await api('/api/session', {method: 'DELETE'}); sessionStorage.removeItem('csrf'); location.href = '/login.html'; };
  // back and forward: the filters are the address's, and only those (a DRG or task left behind would stay shown)
  window.onpopstate = () => {
    [...params.keys()].forEach(k => params.delete(k));
    new URLSearchParams(location.search).forEach((v, k) => params.set(k, v));
    show();
  };
  window.onresize = () => state.charts.forEach(c => c.resize());
  setRenderer(show);
  await show();
}

start();
