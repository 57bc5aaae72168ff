// The page being shown: the session and data read once (state), the URL's filters (params), panels, KPI cards,
// links and navigation (go: change the URL's filters and show the page again).
import {fmt, pct} from './format.js';
import {api, query} from './api.js';

export const state = {me: null, info: null, hospitals: [], charts: []};

export const params = new URLSearchParams(location.search);

export const $ = (id) => document.getElementById(id);

export function panel(title, wide) {
  const p = document.createElement('div');
  p.className = 'panel' + (wide ? ' wide' : '');
  p.innerHTML = '<h2></h2>';
  p.querySelector('h2').textContent = title;
  $('main').appendChild(p);
  return p;
}

// what an evaluation answer says of its set's scope: which hospitals it applies to, and why a hospital is not rated
export function scopeNotes(p, answer) {
  [[answer.notice, 'warn'], [answer.scopeNote, 'muted']].forEach(([text, cls]) => {
    if (!text) return;
    const n = document.createElement('p');
    n.className = cls + ' scope-note';
    n.textContent = text;
    p.appendChild(n);
  });
}

export const link = (changes) => '?' + query(Object.assign(Object.fromEntries(params.entries()), changes));

// a row of KPI cards and the function that adds one (label, value, status class: MET / WARNING / NOT_MET)
export function kpiCards() {
  const kpis = document.createElement('div');
  kpis.className = 'kpis';
  const card = (label, value, status) => {
    const d = document.createElement('div');
    d.className = 'kpi ' + (status || '');
    d.innerHTML = '<div class="v"></div><div class="l"></div>';
    d.querySelector('.v').textContent = value;
    d.querySelector('.l').textContent = label;
    kpis.appendChild(d);
  };
  return [kpis, card];
}

// adds an <option> per item to a <select> or <datalist>: its value, and its text where `text` is given
export function addOptions(list, items, value, text) {
  items.forEach(x => {
    const o = document.createElement('option');
    o.value = value(x);
    if (text) o.textContent = text(x);
    list.appendChild(o);
  });
}

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

// a form of this class and HTML; its submit is not sent by the browser but hands the fields (name → value) to `submit`
export function valuesForm(className, html, submit) {
  const form = document.createElement('form');
  form.className = className;
  form.innerHTML = html;
  form.onsubmit = (e) => {
    e.preventDefault();
    submit(Object.fromEntries(new FormData(form).entries()));
  };
  return form;
}

// DRG names from the standards (read once)
export async function drgNames() {
  if (!state.drgNames) state.drgNames = Object.fromEntries((await api('/api/standards')).map(r => [r.drg, r.name]));
  return state.drgNames;
}

export const hospitalName = (id) => (state.hospitals.find(h => h.id === id) || {name: id}).name;

export function monthsBack(last) {
  return last ? last.slice(0, 4) : '';
}

export const METRIC_COLUMNS = [
  {name: '单元'}, {name: '病例数'}, {name: '入组'}, {name: 'DRG 组数'}, {name: 'CMI', f: v => fmt(v, 3)},
  {name: '费用指数', f: v => fmt(v, 3)}, {name: '时间指数', f: v => fmt(v, 3)}, {name: '低风险死亡率', f: pct},
  {name: '平均住院日', f: v => fmt(v, 1)}, {name: '次均费用（元）', f: v => fmt(v, 0)}];

export const metricRow = (m) => [m.unit, m.cases, m.grouped, m.drgCount, m.cmi, m.costIndex, m.timeIndex, m.lowRiskMortality, m.alos, m.meanCost];

// navigation: the entry module registers how a page is shown (setRenderer); go changes the URL's filters and shows it
let renderer = async () => {};
export function setRenderer(fn) {
  renderer = fn;
}
export function render() {
  return renderer();
}
export function go(changes) {
  Object.entries(changes).forEach(([k, v]) => v ? params.set(k, v) : params.delete(k));
  history.pushState(null, '', '?' + params.toString());
  render();
}
