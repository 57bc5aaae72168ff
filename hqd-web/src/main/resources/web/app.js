// HQD pages: one document, the page and its filters in the URL (?page=…&from=…&to=…&hospital=…&by=…&period=…),
// data from the JSON API, charts with Apache ECharts; every chart has its table and CSV / Excel export.
'use strict';

const state = {me: null, info: null, hospitals: [], charts: []};
const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);
const fmt = (v, d = 2) => v === null || v === undefined ? '—' : Number(v).toLocaleString('zh-CN', {minimumFractionDigits: d, maximumFractionDigits: d});
const pct = (v) => v === null || v === undefined ? '—' : (100 * v).toFixed(1) + '%';
// A value from the data as HTML text. Pages put data into the DOM with textContent; the one place that builds
// markup from data is a chart tooltip's formatter (ECharts shows its result as HTML), and it escapes with this.
const esc = (v) => String(v === null || v === undefined ? '' : v)
  .replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));

// every request shows the loading bar (#loading) while it runs
let loading = 0;
function loadingBar(delta) {
  loading += delta;
  const bar = $('loading');
  if (bar) bar.hidden = loading === 0;
}

async function api(path, options = {}) {
  loadingBar(1);
  try {
    return await request(path, options);
  } finally {
    loadingBar(-1);
  }
}

async function request(path, options) {
  const headers = Object.assign({'Content-Type': 'application/json'}, options.headers || {});
  if (options.method && options.method !== 'GET') headers['X-CSRF-Token'] = sessionStorage.getItem('csrf') || '';
  const res = await fetch(path, Object.assign({}, options, {headers}));
  if (res.status === 401) {
    location.href = '/login.html?next=' + encodeURIComponent(location.pathname + location.search);
    throw new Error('未登录');
  }
  if (!res.ok) {
    const e = await res.json().catch(() => ({error: res.statusText}));
    throw new Error(e.error || res.statusText);
  }
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json() : res.blob();
}

function query(obj) {
  const q = new URLSearchParams();
  Object.entries(obj).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') q.set(k, v); });
  return q.toString();
}

function panel(title, wide) {
  const p = document.createElement('div');
  p.className = 'panel' + (wide ? ' wide' : '');
  p.innerHTML = '<h2></h2>';
  p.querySelector('h2').textContent = title;
  $('main').appendChild(p);
  return p;
}

function chart(p, option, height) {
  const el = document.createElement('div');
  el.className = 'chart';
  if (height) el.style.height = height + 'px';
  p.appendChild(el);
  const c = echarts.init(el);
  c.setOption(Object.assign({animation: false, tooltip: {trigger: 'axis'}, grid: {left: 60, right: 20, top: 40, bottom: 60}}, option));
  state.charts.push(c);
  return c;
}

// click-to-drill: a click on a bar or point of the chart calls to(index of the data item, the click)
function drill(c, to) {
  c.getZr().setCursorStyle('pointer');
  c.on('click', (x) => to(x.dataIndex, x));
}
const link = (changes) => '?' + query(Object.assign(Object.fromEntries(params.entries()), changes));

// The one table of every page: rows are arrays of plain values, shown through the column's function f; a click on a
// header sorts by the column (again: the other way), the search box keeps the rows with the text in any cell, long
// tables show PAGE rows a page; CSV and Excel export what the table holds after search and sort. A column's link(v, r)
// makes its cell a drill-down link (an href), cls(v, r, j) gives the cell a class (j: the row's index in rows).
const PAGE = 100;
const shown = (c, v, r) => c.f ? c.f(v, r) : (v === null || v === undefined ? '—' : String(v));
const compare = (a, b) => {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return 1;
  if (b === null || b === undefined || b === '') return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN', {numeric: true});
};

function table(p, title, columns, rows, open) {
  const view = {sort: -1, desc: false, q: '', page: 0};
  const indexed = rows.map((r, j) => [r, j]);
  const current = () => {
    const q = view.q.trim().toLowerCase();
    let out = q ? indexed.filter(([r]) => r.some((v, i) => shown(columns[i], v, r).toLowerCase().includes(q)
      || String(v === null || v === undefined ? '' : v).toLowerCase().includes(q))) : indexed.slice();
    if (view.sort >= 0) out.sort((x, y) => (view.desc ? -1 : 1) * compare(x[0][view.sort], y[0][view.sort]));
    return out;
  };
  const tools = document.createElement('div');
  tools.className = 'tools';
  const search = document.createElement('input');
  search.type = 'search';
  search.className = 'table-search';
  search.placeholder = '在表中查找';
  const csv = document.createElement('button');
  csv.textContent = '导出 CSV';
  csv.onclick = () => download(title + '.csv', new Blob([csvText(columns, current().map(x => x[0]))], {type: 'text/csv'}));
  const xlsx = document.createElement('button');
  xlsx.textContent = '导出 Excel';
  xlsx.onclick = () => busy(xlsx, '正在生成…', async () => download(title + '.xlsx', await api('/api/export', {method: 'POST',
    body: JSON.stringify({title, header: columns.map(c => c.name), rows: current().map(x => x[0])})})));
  tools.append(search, csv, xlsx);
  const details = document.createElement('details');
  details.className = 'data-table';
  if (open) details.open = true;
  const summary = document.createElement('summary');
  details.appendChild(summary);
  if (!rows.length) {
    const m = document.createElement('p');
    m.className = 'muted empty';
    m.textContent = '所选条件下没有数据：请放宽筛选条件（日期、医院、科室）后再查询';
    details.appendChild(m);
  }
  const t = document.createElement('table');
  const head = t.createTHead().insertRow();
  // a header sits over its cells: left over text columns (as the cells below), right over numbers
  const textColumn = (i) => i > 0 && !columns[i].f && rows.length && typeof rows[0][i] !== 'number';
  columns.forEach((c, i) => {
    const th = document.createElement('th');
    th.textContent = c.name;
    th.className = 'sortable';
    th.title = '点击排序';
    if (textColumn(i)) th.style.textAlign = 'left';
    th.onclick = () => { view.desc = view.sort === i ? !view.desc : false; view.sort = i; view.page = 0; draw(); };
    head.appendChild(th);
  });
  const body = t.createTBody();
  const pager = document.createElement('div');
  pager.className = 'pager';
  const draw = () => {
    const all = current();
    const pages = Math.max(1, Math.ceil(all.length / PAGE));
    view.page = Math.min(view.page, pages - 1);
    summary.textContent = '表格（' + (view.q ? all.length + ' / ' : '') + rows.length + ' 行）';
    [...head.cells].forEach((th, i) => th.dataset.sort = view.sort === i ? (view.desc ? 'desc' : 'asc') : '');
    body.textContent = '';
    all.slice(view.page * PAGE, (view.page + 1) * PAGE).forEach(([r, j]) => {
      const tr = body.insertRow();
      r.forEach((v, i) => {
        const td = tr.insertCell();
        const c = columns[i];
        const href = c.link ? c.link(v, r) : null;
        if (href) {
          const a = document.createElement('a');
          a.href = href;
          a.className = 'drill';
          a.textContent = shown(c, v, r);
          td.appendChild(a);
        } else {
          td.textContent = shown(c, v, r);
        }
        if (i > 0 && typeof v !== 'number' && !c.f) td.style.textAlign = 'left';
        if (c.cls) td.className = c.cls(v, r, j);
      });
    });
    pager.textContent = '';
    if (pages > 1) {
      const step = (label, to, cls) => {
        const b = document.createElement('button');
        b.textContent = label;
        b.className = 'secondary ' + cls;
        b.disabled = to < 0 || to >= pages;
        b.onclick = () => { view.page = to; draw(); };
        pager.appendChild(b);
      };
      step('上一页', view.page - 1, 'prev');
      const n = document.createElement('span');
      n.textContent = '第 ' + (view.page + 1) + ' / ' + pages + ' 页，每页 ' + PAGE + ' 行';
      pager.appendChild(n);
      step('下一页', view.page + 1, 'next');
    }
  };
  search.oninput = () => { view.q = search.value; view.page = 0; details.open = true; draw(); };
  draw();
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  wrap.appendChild(t);
  details.append(wrap, pager);
  p.append(tools, details);
  return {search: (q) => { search.value = q; search.oninput(); }};
}

// while fn runs: the button disabled and saying what happens (a briefing or an export being produced)
async function busy(button, label, fn) {
  const text = button.textContent;
  button.disabled = true;
  button.textContent = label;
  try {
    await fn();
  } catch (e) {
    let m = button.nextElementSibling;
    if (!m || !m.classList.contains('msg')) {
      m = document.createElement('span');
      button.after(m);
    }
    m.textContent = e.message;
    m.className = 'msg error';
  } finally {
    button.disabled = false;
    button.textContent = text;
  }
}

// A table as CSV for a spreadsheet (UTF-8 with BOM). A text cell that a spreadsheet would take for a formula (first
// character = + - @, tab or carriage return) gets a leading ' so that it stays text; numbers, and text that is just a
// number ("-3.5", "12%"), are written as they are.
function csvCell(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^[-+]?\d[\d,]*(\.\d+)?%?$/.test(s)) s = "'" + s;
  return '"' + s.replace(/"/g, '""') + '"';
}

function csvText(columns, rows) {
  return '\ufeff' + [columns.map(c => c.name)].concat(rows).map(r => r.map(csvCell).join(',')).join('\r\n');
}

// a row of KPI cards and the function that adds one (label, value, status class: MET / WARNING / NOT_MET)
function kpiCards() {
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

function download(name, blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// DRG names from the standards (read once)
async function drgNames() {
  if (!state.drgNames) state.drgNames = Object.fromEntries((await api('/api/standards')).map(r => [r.drg, r.name]));
  return state.drgNames;
}

const hospitalName = (id) => (state.hospitals.find(h => h.id === id) || {name: id}).name;

function monthsBack(last) {
  return last ? last.slice(0, 4) : '';
}

const METRIC_COLUMNS = [
  {name: '单元'}, {name: '病例数'}, {name: '入组'}, {name: 'DRG 组数'}, {name: 'CMI', f: v => fmt(v, 3)},
  {name: '费用指数', f: v => fmt(v, 3)}, {name: '时间指数', f: v => fmt(v, 3)}, {name: '低风险死亡率', f: pct},
  {name: '平均住院日', f: v => fmt(v, 1)}, {name: '次均费用（元）', f: v => fmt(v, 0)}];
const metricRow = (m) => [m.unit, m.cases, m.grouped, m.drgCount, m.cmi, m.costIndex, m.timeIndex, m.lowRiskMortality, m.alos, m.meanCost];

const pages = {
  async overview(f) {
    const scope = state.me;
    const department = scope.role === 'DEPARTMENT';
    const by = department ? 'department' : 'hospital';
    const rows = await api('/api/metrics?' + query({by, from: f.from, to: f.to, hospital: f.hospital, month: 'true'}));
    const byMonth = {};
    rows.forEach(r => {
      const m = byMonth[r.period] || (byMonth[r.period] = {w: 0, g: 0, cases: 0, cost: 0});
      m.w += r.totalWeight; m.g += r.grouped; m.cases += r.cases; m.cost += (r.meanCost || 0) * r.cases;
    });
    const months = Object.keys(byMonth).sort();
    const total = months.reduce((a, k) => ({w: a.w + byMonth[k].w, g: a.g + byMonth[k].g, cases: a.cases + byMonth[k].cases, cost: a.cost + byMonth[k].cost}), {w: 0, g: 0, cases: 0, cost: 0});
    const k = panel('关键指标（' + (f.hospital || (department ? scope.department : '全部可见医院')) + '）', true);
    const [kpis, card] = kpiCards();
    card('出院人次', total.cases.toLocaleString('zh-CN'));
    card('CMI', total.g ? (total.w / total.g).toFixed(3) : '—');
    card('次均费用（元）', total.cases ? Math.round(total.cost / total.cases).toLocaleString('zh-CN') : '—');
    if (!department) {
      const ev = await api('/api/evaluation?' + query({period: f.period, hospital: f.hospital}));
      const mine = ev.rows;
      const counts = {MET: 0, WARNING: 0, NOT_MET: 0, NO_DATA: 0};
      mine.forEach(r => counts[r.status]++);
      card('达标项次', counts.MET, 'MET');
      card('预警项次', counts.WARNING, 'WARNING');
      card('未达标项次', counts.NOT_MET, 'NOT_MET');
      const byIndicator = {};
      mine.forEach(r => { const b = byIndicator[r.indicatorName] || (byIndicator[r.indicatorName] = {MET: 0, WARNING: 0, NOT_MET: 0, NO_DATA: 0}); b[r.status]++; });
      const names = Object.keys(byIndicator);
      const p = panel('目标达成（评价期间 ' + ev.period + '，目标集：' + ev.targetSetName + '；点击指标查看各医院）', true);
      const c = chart(p, {legend: {top: 0}, grid: {left: 220, right: 20, top: 30, bottom: 30}, xAxis: {type: 'value'},
        yAxis: {type: 'category', data: names},
        series: [['MET', '达标', '#2e7d32'], ['WARNING', '预警', '#f9a825'], ['NOT_MET', '未达标', '#c62828'], ['NO_DATA', '无数据', '#9aa5b1']]
          .map(([s, n, c]) => ({name: n, type: 'bar', stack: 's', itemStyle: {color: c}, data: names.map(x => byIndicator[x][s])}))},
        Math.max(300, 28 * names.length + 60));
      drill(c, (i) => go({page: 'evaluation', q: names[i]}));
      table(p, '目标达成', [{name: '指标'}, {name: '达标'}, {name: '预警'}, {name: '未达标'}, {name: '无数据'}],
        names.map(x => [x, byIndicator[x].MET, byIndicator[x].WARNING, byIndicator[x].NOT_MET, byIndicator[x].NO_DATA]));
    }
    k.appendChild(kpis);
    const t = panel('月度趋势：CMI 与出院人次');
    chart(t, {legend: {top: 0}, xAxis: {type: 'category', data: months},
      yAxis: [{type: 'value', name: 'CMI', scale: true}, {type: 'value', name: '人次'}],
      series: [{name: 'CMI', type: 'line', data: months.map(m => byMonth[m].g ? +(byMonth[m].w / byMonth[m].g).toFixed(4) : null)},
        {name: '出院人次', type: 'bar', yAxisIndex: 1, data: months.map(m => byMonth[m].cases), itemStyle: {color: '#90caf9'}}]});
    table(t, '月度趋势', [{name: '月份'}, {name: 'CMI', f: v => fmt(v, 3)}, {name: '出院人次'}],
      months.map(m => [m, byMonth[m].g ? byMonth[m].w / byMonth[m].g : null, byMonth[m].cases]));
  },

  async hospitals(f) {
    const [rows, hospitals] = [await api('/api/metrics?' + query({by: 'hospital', from: f.from, to: f.to, hospital: f.hospital})), state.hospitals];
    const tier = Object.fromEntries(hospitals.map(h => [h.id, h.tierLabel]));
    const name = Object.fromEntries(hospitals.map(h => [h.id, h.name]));
    const tiers = [...new Set(hospitals.map(h => h.tierLabel))];
    tiers.forEach(t => {
      const mine = rows.filter(r => tier[r.unit] === t).sort((a, b) => (b.cmi || 0) - (a.cmi || 0));
      if (!mine.length) return;
      const p = panel(t + '：CMI 与费用、时间消耗指数（' + mine.length + ' 家；点击医院查看其科室）', mine.length > 12);
      const c = chart(p, {legend: {top: 0}, xAxis: {type: 'category', data: mine.map(r => name[r.unit] || r.unit), axisLabel: {rotate: 40, fontSize: 10}},
        yAxis: {type: 'value', scale: true}, grid: {left: 50, right: 20, top: 40, bottom: 110},
        series: [{name: 'CMI', type: 'bar', data: mine.map(r => r.cmi), itemStyle: {color: '#1565c0'}},
          {name: '费用指数', type: 'line', data: mine.map(r => r.costIndex)}, {name: '时间指数', type: 'line', data: mine.map(r => r.timeIndex)}]});
      drill(c, (i) => go({page: 'units', hospital: mine[i].unit, by: 'department', department: ''}));
      const ids = Object.fromEntries(mine.map(r => [name[r.unit] || r.unit, r.unit]));
      table(p, t + ' 医院对比', [{name: '医院', link: v => link({page: 'units', hospital: ids[v], by: 'department', department: ''})}].concat(METRIC_COLUMNS.slice(1)),
        mine.map(r => [name[r.unit] || r.unit].concat(metricRow(r).slice(1))), true);
    });
  },

  async drg(f) {
    if (f.drg) {
      const cases = await api('/api/drgs/' + encodeURIComponent(f.drg) + '/cases?' + query({hospital: f.hospital, from: f.from, to: f.to}));
      const p = panel('病组 ' + f.drg + ' 的病例（费用最高的 ' + cases.length + ' 例）：费用与住院日对照病组标准', true);
      chart(p, {tooltip: {trigger: 'item', formatter: (x) => esc(x.data[2]) + '<br>住院日/标准 ' + x.data[0].toFixed(2) + '，费用/标准 ' + x.data[1].toFixed(2)},
        xAxis: {type: 'value', name: '住院日 / 标准'}, yAxis: {type: 'value', name: '费用 / 标准'},
        series: [{type: 'scatter', symbolSize: 7, data: cases.filter(c => c.costRatio !== null && c.losRatio !== null).map(c => [c.losRatio, c.costRatio, c.hospitalId + ' ' + c.recordId])}]}, 320);
      table(p, '病组 ' + f.drg + ' 病例', [{name: '医院'}, {name: '病案号'}, {name: '科室'}, {name: '主治医师'}, {name: '出院日期'},
        {name: '住院日'}, {name: '费用', f: v => fmt(v, 0)}, {name: '费用/标准', f: v => fmt(v, 2)}, {name: '住院日/标准', f: v => fmt(v, 2)}, {name: '死亡', f: v => v ? '是' : ''}],
        cases.map(c => [c.hospitalId, c.recordId, c.department, c.physician, c.dischargeDate, c.losDays, c.cost, c.costRatio, c.losRatio, c.died]), true);
      const back = document.createElement('a');
      back.textContent = '← 返回全部病组';
      back.href = '?' + query({page: 'drg', from: f.from, to: f.to, hospital: f.hospital});
      p.prepend(back);
      return;
    }
    const names = await drgNames();
    if (f.hospital) {
      // one hospital: its DRGs (cases, indices, cost against the standards), the most frequent first
      const rows = (await api('/api/metrics?' + query({by: 'drg', hospital: f.hospital, from: f.from, to: f.to})))
        .filter(r => r.unit).sort((a, b) => b.cases - a.cases);
      const top = rows.slice(0, 30);
      const p = panel(hospitalName(f.hospital) + ' 的病组（' + rows.length + ' 个）：病例数与费用消耗指数（点击病组查看病例）', true);
      const c = chart(p, {legend: {top: 0}, xAxis: {type: 'category', data: top.map(r => r.unit), axisLabel: {rotate: 45, fontSize: 10}},
        yAxis: [{type: 'value', name: '病例'}, {type: 'value', name: '费用指数', scale: true}], grid: {left: 50, right: 60, top: 40, bottom: 80},
        series: [{name: '病例数', type: 'bar', data: top.map(r => r.cases), itemStyle: {color: '#1565c0'}},
          {name: '费用指数', type: 'line', yAxisIndex: 1, data: top.map(r => r.costIndex)}]}, 360);
      drill(c, (i) => go({drg: top[i].unit}));
      table(p, hospitalName(f.hospital) + ' 病组', [{name: 'DRG', link: v => link({drg: v})}, {name: '名称'}, {name: '病例'}, {name: '费用指数', f: v => fmt(v, 3)},
        {name: '时间指数', f: v => fmt(v, 3)}, {name: '平均住院日', f: v => fmt(v, 1)}, {name: '次均费用（元）', f: v => fmt(v, 0)}, {name: '死亡率', f: pct}],
        rows.map(r => [r.unit, names[r.unit] || '', r.cases, r.costIndex, r.timeIndex, r.alos, r.meanCost, r.mortality]), true);
      return;
    }
    const rows = (await api('/api/standards')).sort((a, b) => b.standard.cases - a.standard.cases);
    const p = panel('DRG 病组标准：相对权重与例均费用（气泡大小为病例数；点击病组查看病例）', true);
    const c = chart(p, {tooltip: {trigger: 'item', formatter: (x) => esc(x.data[3]) + ' ' + esc(x.data[4]) + '<br>RW ' + x.data[0].toFixed(3) + '，例均费用 ' + Math.round(x.data[1]) + ' 元，病例 ' + esc(x.data[2])},
      xAxis: {type: 'value', name: 'RW'}, yAxis: {type: 'value', name: '例均费用（元）'},
      series: [{type: 'scatter', symbolSize: (d) => Math.max(4, Math.sqrt(d[2]) / 2), data: rows.map(r => [r.standard.rw, r.standard.meanCost, r.standard.cases, r.drg, r.name])}]}, 420);
    drill(c, (i) => go({drg: rows[i].drg}));
    table(p, 'DRG 病组标准', [{name: 'DRG', link: v => link({drg: v})}, {name: '名称'}, {name: '病例'}, {name: 'RW', f: v => fmt(v, 4)}, {name: '例均费用（元）', f: v => fmt(v, 0)},
      {name: '中位费用（元）', f: v => fmt(v, 0)}, {name: '平均住院日', f: v => fmt(v, 1)}, {name: '例均药品费（元）', f: v => fmt(v, 0)},
      {name: '例均耗材费（元）', f: v => fmt(v, 0)}, {name: '死亡率', f: pct}, {name: '风险等级', f: v => v === null || v === undefined ? '—' : String(Math.round(v))}],
      rows.map(r => [r.drg, r.name, r.standard.cases, r.standard.rw, r.standard.meanCost, r.standard.medianCost, r.standard.meanLos,
        r.standard.meanDrugCost, r.standard.meanConsumableCost, r.standard.mortality, r.standard.riskLevel]), true);
  },

  // a hospital's (or one department's) DRGs as the insurer pays them: balance on charges and on cost, and which charge
  // categories exceed the DRG standards; reached from a department's loss on 科室与医生
  async drgcost(f) {
    if (!f.hospital) {
      const p = panel('病组盈亏', true);
      const m = document.createElement('p');
      m.className = 'muted';
      m.textContent = '请先在上方选择医院（或在“科室与医生”中点击一个科室的亏损）';
      p.appendChild(m);
      return;
    }
    const names = await drgNames();
    const rows = await api('/api/costs?' + query({by: 'drg', hospital: f.hospital, department: f.department, from: f.from, to: f.to}));
    const who = hospitalName(f.hospital) + (f.department ? ' ' + f.department : '');
    const worst = rows.slice().sort((a, b) => a.balance - b.balance).slice(0, 20);
    const p = panel(who + ' 病组盈亏（医保结算口径，只计基金支付病例；亏损最多的 ' + worst.length + ' 个，点击病组查看病例）', true);
    p.id = 'drg-cost';
    const back = document.createElement('a');
    back.textContent = '← 返回科室与医生';
    back.href = link({page: 'units', by: 'department'});
    p.appendChild(back);
    const onCost = (c) => c.costedCases > 0 ? c.balanceOnCost : null;
    const c = chart(p, {legend: {top: 0}, xAxis: {type: 'category', data: worst.map(x => x.unit), axisLabel: {rotate: 45, fontSize: 10}},
      yAxis: {type: 'value', name: '结余（元）'}, grid: {left: 80, right: 20, top: 40, bottom: 80},
      series: [{name: '结余（按费用）', type: 'bar', data: worst.map(x => Math.round(x.balance)), itemStyle: {color: '#ad1457'}},
        {name: '结余（按成本）', type: 'bar', data: worst.map(x => onCost(x) === null ? null : Math.round(onCost(x))), itemStyle: {color: '#00838f'}}]}, 360);
    drill(c, (i) => go({page: 'drg', drg: worst[i].unit}));
    const over = (x) => [['药品费', x.excessDrug], ['耗材费', x.excessMaterial], ['检查化验费', x.excessExam]]
      .filter(e => e[1] > 0.005).map(e => e[0]).join('、') || '无';
    const bad = (v) => v > 0.005 ? 'bad' : '';
    table(p, who + ' 病组盈亏', [{name: 'DRG', link: v => link({page: 'drg', drg: v})}, {name: '名称'}, {name: '病例'}, {name: '支付（元）', f: v => fmt(v, 0)},
      {name: '费用（元）', f: v => fmt(v, 0)}, {name: '结余（按费用，元）', f: v => fmt(v, 0), cls: v => v < 0 ? 'bad' : ''},
      {name: '已核算成本病例'}, {name: '结余（按成本，元）', f: v => fmt(v, 0)},
      {name: '药品费超标准（元）', f: v => fmt(v, 0), cls: bad}, {name: '耗材费超标准（元）', f: v => fmt(v, 0), cls: bad},
      {name: '检查化验费超标准（元）', f: v => fmt(v, 0), cls: bad}, {name: '超标类别'}],
      rows.map(x => [x.unit, names[x.unit] || '', x.cases, x.payment, x.cost, x.balance, x.costedCases, onCost(x),
        x.excessDrug, x.excessMaterial, x.excessExam, over(x)]), true);
    const m = document.createElement('p');
    m.className = 'muted';
    m.textContent = '超标准 = 各病例该类费用减去病组标准的例均值之和（负数为低于标准）；结余（按成本）只计已由成本核算得到病例成本的病例。';
    p.appendChild(m);
  },

  async outliers(f) {
    const res = await api('/api/outliers?' + query({hospital: f.hospital, from: f.from, to: f.to}));
    const rows = res.rows;
    const byClass = {HIGH: 0, LOW: 0};
    const byDrg = {};
    rows.forEach(o => { byClass[o.outlierClass]++; byDrg[o.drg] = (byDrg[o.drg] || 0) + 1; });
    const top = Object.entries(byDrg).sort((a, b) => b[1] - a[1]).slice(0, 20);
    const p = panel('高倍率与低倍率病例（共 ' + res.total + ' 例' + (res.total > rows.length ? '，列出前 ' + rows.length + ' 例' : '') + '）', true);
    const c = chart(p, {legend: {top: 0}, xAxis: {type: 'category', data: top.map(t => t[0]), axisLabel: {rotate: 45}},
      yAxis: {type: 'value', name: '例数'}, grid: {left: 50, right: 20, top: 40, bottom: 80},
      series: [{name: '异常病例数（前 20 个病组；点击查看病组病例）', type: 'bar', data: top.map(t => t[1]), itemStyle: {color: '#ef6c00'}}]}, 320);
    drill(c, (i) => go({page: 'drg', drg: top[i][0]}));
    const m = document.createElement('p');
    m.className = 'muted';
    m.textContent = '高倍率 ' + byClass.HIGH + ' 例，低倍率 ' + byClass.LOW + ' 例（倍率 = 费用 / 病组标准均费用）';
    p.appendChild(m);
    table(p, '异常病例', [{name: '医院'}, {name: '病案号'}, {name: '科室'}, {name: '医师'}, {name: '病组', link: v => link({page: 'drg', drg: v})}, {name: '类别'},
      {name: '倍率', f: v => fmt(v, 2)}, {name: '费用（元）', f: v => fmt(v, 0)}, {name: '标准费用（元）', f: v => fmt(v, 0)},
      {name: '药品费（元）', f: v => fmt(v, 0)}, {name: '标准药品费（元）', f: v => fmt(v, 0)}, {name: '耗材费（元）', f: v => fmt(v, 0)}, {name: '标准耗材费（元）', f: v => fmt(v, 0)}],
      rows.map(o => [o.hospitalId, o.recordId, o.department, o.physician, o.drg, o.outlierClass === 'HIGH' ? '高倍率' : '低倍率',
        o.factor, o.cost, o.standardCost, o.drug, o.standardDrug, o.material, o.standardMaterial]), true);
  },

  async dip(f) {
    const by = f.hospital ? 'department' : 'hospital';
    let rows;
    try {
      rows = await api('/api/dip?' + query({by, hospital: f.hospital, from: f.from, to: f.to}));
    } catch (e) {
      const p = panel('DIP 病种分值', true);
      const m = document.createElement('p');
      m.className = 'muted';
      m.textContent = e.message;
      p.appendChild(m);
      return;
    }
    rows.sort((a, b) => a.balance - b.balance);
    const p = panel('DIP：例均分值、消耗指数与按预算中性点值的结余（' + (by === 'hospital' ? '各医院' : f.hospital + ' 各科室') + '）', true);
    chart(p, {legend: {top: 0}, xAxis: {type: 'category', data: rows.map(r => r.metrics.unit), axisLabel: {rotate: 45, fontSize: 10}},
      yAxis: [{type: 'value', name: '结余（万元）'}, {type: 'value', name: '费用指数', scale: true}], grid: {left: 70, right: 60, top: 40, bottom: 110},
      series: [{name: '结余（万元）', type: 'bar', data: rows.map(r => +(r.balance / 10000).toFixed(1)), itemStyle: {color: '#00838f'}},
        {name: '费用指数', type: 'line', yAxisIndex: 1, data: rows.map(r => r.metrics.costIndex)}]}, 380);
    table(p, 'DIP 单元指标', [{name: '单元'}, {name: '病例'}, {name: '入组'}, {name: '病种数'}, {name: '例均分值', f: v => fmt(v, 1)},
      {name: '费用指数', f: v => fmt(v, 3)}, {name: '时间指数', f: v => fmt(v, 3)}, {name: '费用（万元）', f: v => fmt(v, 2)}, {name: '支付（万元）', f: v => fmt(v, 2)}, {name: '结余（万元）', f: v => fmt(v, 2)}],
      rows.map(r => [r.metrics.unit, r.metrics.cases, r.metrics.grouped, r.metrics.drgCount, r.metrics.cmi, r.metrics.costIndex, r.metrics.timeIndex, r.groupedCost / 1e4, r.payment / 1e4, r.balance / 1e4]), true);
  },

  // the insurer's settlement (pre-settlement by month, the cases that lose most, one case explained) and compliance
  async payment(f) {
    const q = query({from: f.from, to: f.to, hospital: f.hospital});
    if (f.case) {
      const [h, r] = f.case.split('/');
      const x = await api('/api/payment/cases/' + encodeURIComponent(h) + '/' + encodeURIComponent(r));
      const e = panel('病例 ' + h + ' / ' + r + ' 的结算：' + x.settlement.caseTypeLabel, true);
      const ol = document.createElement('ol');
      x.trace.forEach(line => { const li = document.createElement('li'); li.textContent = line; ol.appendChild(li); });
      e.appendChild(ol);
      const back = document.createElement('a');
      back.textContent = '← 返回';
      back.href = '?' + query({page: 'payment', from: f.from, to: f.to, hospital: f.hospital});
      e.prepend(back);
      return;
    }
    const [sum, worst, comp] = await Promise.all([api('/api/payment?' + q), api('/api/payment/cases?' + q),
      api('/api/compliance?' + q)]);
    const t = {cases: 0, points: 0, payment: 0, cost: 0, notInsured: 0};
    sum.months.forEach(m => Object.keys(t).forEach(k => { t[k] += m[k]; }));
    const p = panel('医保结算（医保部门口径）：月度预结算', true);
    const basis = document.createElement('p');
    basis.className = 'muted';
    basis.textContent = sum.basis;
    p.appendChild(basis);
    const [kpis, card] = kpiCards();
    card('基金支付病例', fmt(t.cases, 0));
    card('点数', fmt(t.points, 0));
    card('预结算支付（万元）', fmt(t.payment / 10000, 1));
    card('费用（万元）', fmt(t.cost / 10000, 1));
    card('结余（万元）', fmt((t.payment - t.cost) / 10000, 1), t.payment >= t.cost ? 'MET' : 'NOT_MET');
    card('非基金支付病例（不计）', fmt(t.notInsured, 0));
    p.appendChild(kpis);
    const months = [...new Set(sum.months.map(m => m.month))].sort();
    const total = (k) => months.map(mo => sum.months.filter(m => m.month === mo).reduce((a, m) => a + m[k], 0));
    chart(p, {legend: {top: 0}, xAxis: {type: 'category', data: months}, yAxis: {type: 'value', name: '金额（万元）'},
      series: [{name: '预结算支付', type: 'bar', data: total('payment').map(v => +(v / 10000).toFixed(1)), itemStyle: {color: '#1565c0'}},
        {name: '费用', type: 'line', data: total('cost').map(v => +(v / 10000).toFixed(1)), itemStyle: {color: '#c62828'}}]}, 320);
    table(p, '月度预结算', [{name: '月份'}, {name: '医院'}, {name: '病例'}, {name: '点数', f: v => fmt(v, 2)}, {name: '支付（万元）', f: v => fmt(v, 2)},
      {name: '费用（万元）', f: v => fmt(v, 2)}, {name: '结余（万元）', f: v => fmt(v, 2)}, {name: '高倍率'}, {name: '低倍率'}, {name: '特殊'}, {name: '未入组'}, {name: '非基金支付'}],
      sum.months.map(m => [m.month, m.hospitalId, m.cases, m.points, m.payment / 1e4, m.cost / 1e4, m.balance / 1e4, m.high, m.low, m.special, m.ungrouped, m.notInsured]));
    const w = panel('亏损最多的基金支付病例（前 ' + worst.length + ' 例；点病案号看计算过程）', true);
    table(w, '亏损病例', [{name: '医院'}, {name: '病案号', link: (v, r) => link({page: 'payment', case: r[0] + '/' + v})}, {name: '付款方式'}, {name: '病组'}, {name: '权重', f: v => fmt(v, 4)}, {name: '类型'},
      {name: '点数', f: v => fmt(v, 2)}, {name: '支付（元/例）', f: v => fmt(v, 2)}, {name: '费用（元/例）', f: v => fmt(v, 2)}, {name: '结余（元/例）', f: v => fmt(v, 2)}],
      worst.map(c => [c.hospitalId, c.recordId, c.payer, c.drg, c.weight, c.caseTypeLabel, c.points, c.payment, c.cost, c.balance]), true);
    const c = panel('医保智能审核：' + comp.total + ' 条标记（线索，须人工核实；规则、证据与阈值见表）', true);
    const byRule = comp.rules.map(r => [r.label, comp.flags.filter(x => x.ruleId === r.id).length]);
    chart(c, {xAxis: {type: 'value', name: '条'}, yAxis: {type: 'category', data: byRule.map(r => r[0]), axisLabel: {fontSize: 10, width: 260, overflow: 'truncate'}},
      grid: {left: 280, right: 30, top: 20, bottom: 30}, tooltip: {trigger: 'item'},
      series: [{type: 'bar', data: byRule.map(r => r[1]), itemStyle: {color: '#ef6c00'}}]}, 40 + 36 * byRule.length);
    table(c, '审核标记', [{name: '医院'}, {name: '病案号'}, {name: '规则'}, {name: '对象'}, {name: '证据'}, {name: '阈值'}],
      comp.flags.map(x => [x.hospitalId, x.recordId, x.rule, x.subject, x.evidence, x.threshold]), true);
    table(c, '审核规则', [{name: '规则'}, {name: '类型'}, {name: '依据'}], comp.rules.map(r => [r.label, r.kind, r.source]));
  },

  async quality(f) {
    const res = await api('/api/quality?' + query({hospital: f.hospital, from: f.from, to: f.to}));
    const checked = res.checked;
    const lines = res.findings.filter(l => l.ruleId !== '*');
    const byHospital = {};
    checked.forEach(l => { const h = byHospital[l.hospitalId] || (byHospital[l.hospitalId] = {rows: 0, failed: 0}); h.rows += l.rows; });
    lines.forEach(l => { if (byHospital[l.hospitalId]) byHospital[l.hospitalId].failed += l.failed; });
    const hospitals = Object.keys(byHospital).sort();
    const p = panel('数据质量：各医院检查行数与问题项次（病案首页）', true);
    const c = chart(p, {legend: {top: 0}, xAxis: {type: 'category', data: hospitals, axisLabel: {rotate: 45, fontSize: 10}},
      yAxis: [{type: 'value', name: '检查行数'}, {type: 'value', name: '问题项次'}], grid: {left: 70, right: 60, top: 40, bottom: 80},
      series: [{name: '检查行数', type: 'bar', data: hospitals.map(h => byHospital[h].rows), itemStyle: {color: '#90a4ae'}},
        {name: '问题项次', type: 'line', yAxisIndex: 1, data: hospitals.map(h => byHospital[h].failed), itemStyle: {color: '#c62828'}}]}, 340);
    drill(c, (i) => go({hospital: hospitals[i]}));
    const m = document.createElement('p');
    m.className = 'muted';
    m.textContent = lines.length ? '按规则的问题行见下表' : checked.length ? '所选范围内已导入的病案未发现质控问题（被拒收的行见数据质量报告与拒收文件）'
      : '所选范围内没有导入的病案';
    p.appendChild(m);
    table(p, '数据质量', [{name: '医院'}, {name: '月份'}, {name: '维度'}, {name: '规则'}, {name: '行数'}, {name: '问题行'}, {name: '通过率', f: pct}],
      lines.length ? lines.map(l => [l.hospitalId, l.period, l.dimension, l.ruleId, l.rows, l.failed, l.passRate])
        : checked.map(l => [l.hospitalId, l.period, '—', '—', l.rows, 0, 1]));
  },

  async units(f) {
    const by = f.by || 'department';
    // the department filter (科室) keeps one department, or the physicians whose main department it is (on the server)
    const [metrics, costs] = [await api('/api/metrics?' + query({by, from: f.from, to: f.to, hospital: f.hospital, department: f.department})),
      await api('/api/costs?' + query({by, from: f.from, to: f.to, hospital: f.hospital}))];
    const balance = Object.fromEntries(costs.map(c => [c.unit, c]));
    // only units with enough grouped cases are ranked (the server says which); the others are 例数不足
    const rows = metrics.sort((a, b) => (b.ranked - a.ranked) || (b.cmi || 0) - (a.cmi || 0));
    const hospitalOf = (unit) => unit.slice(0, unit.indexOf('/'));
    const departmentOf = (unit) => unit.slice(unit.indexOf('/') + 1);
    const toDrgs = (unit) => ({page: 'drgcost', hospital: hospitalOf(unit), department: departmentOf(unit)});
    const label = by === 'physician' ? '医生' : '科室';
    const top = rows.filter(r => r.ranked).slice(0, 40);
    const p = panel(label + ' CMI 排名（前 ' + top.length + ' 个，共 ' + rows.length + ' 个；入组不足 ' + state.info.rankMinCases
      + ' 例的 ' + rows.filter(r => !r.ranked).length + ' 个列为例数不足' + (by === 'department' ? '；点击科室只看该科室' : '') + '）', true);
    const cmiChart = chart(p, {legend: {top: 0}, xAxis: {type: 'category', data: top.map(r => r.unit), axisLabel: {rotate: 45, fontSize: 10}},
      yAxis: {type: 'value', scale: true}, grid: {left: 50, right: 20, top: 40, bottom: 130},
      series: [{name: 'CMI', type: 'bar', data: top.map(r => r.cmi), itemStyle: {color: '#6a1b9a'}},
        {name: '费用指数', type: 'line', data: top.map(r => r.costIndex)}]}, 420);
    if (by === 'department') drill(cmiChart, (i) => go({hospital: hospitalOf(top[i].unit), department: departmentOf(top[i].unit)}));
    // the balance on cost only where cases have a cost (hqd costing run)
    const onCost = (c) => c && c.costedCases > 0 ? c.balanceOnCost : null;
    table(p, label + '绩效', [{name: '单元', link: by === 'department' ? v => link(toDrgs(v)) : null}].concat(METRIC_COLUMNS.slice(1)).concat([{name: 'DRG 结余（按费用，元）', f: v => fmt(v, 0)}, {name: 'DRG 结余（按成本，元）', f: v => fmt(v, 0)},
      {name: '超标费用类别'}, {name: 'CMI 排名'}]),
      rows.map((r, i) => metricRow(r).concat([balance[r.unit] ? balance[r.unit].balance : null, onCost(balance[r.unit]),
        balance[r.unit] ? balance[r.unit].excessCategory : null, r.ranked ? i + 1 : '例数不足'])), true);
    const worst = costs.filter(c => rows.some(r => r.unit === c.unit)).sort((a, b) => a.balance - b.balance).slice(0, 20);
    const q = panel(label + ' DRG 结余（亏损最多的 ' + worst.length + ' 个；按医保结算口径，只计基金支付病例'
      + (by === 'department' ? '；点击科室查看其病组盈亏' : '') + '）', true);
    const lossChart = chart(q, {legend: {top: 0}, xAxis: {type: 'category', data: worst.map(c => c.unit), axisLabel: {rotate: 45, fontSize: 10}},
      yAxis: {type: 'value', name: '结余（元）'}, grid: {left: 80, right: 20, top: 40, bottom: 130},
      series: [{name: '按费用', type: 'bar', data: worst.map(c => Math.round(c.balance)), itemStyle: {color: '#ad1457'}},
        {name: '按成本', type: 'bar', data: worst.map(c => onCost(c) === null ? null : Math.round(onCost(c))), itemStyle: {color: '#00838f'}}]}, 360);
    if (by === 'department') drill(lossChart, (i) => go(toDrgs(worst[i].unit)));
    table(q, label + ' DRG 结余', [{name: '单元', link: by === 'department' ? v => link(toDrgs(v)) : null}, {name: '病例'}, {name: '支付（元）', f: v => fmt(v, 0)}, {name: '费用（元）', f: v => fmt(v, 0)},
      {name: '结余（按费用，元）', f: v => fmt(v, 0)}, {name: '已核算成本病例'}, {name: '成本（元）', f: v => fmt(v, 0)}, {name: '结余（按成本，元）', f: v => fmt(v, 0)},
      {name: '超标类别'}, {name: '超标金额（元）', f: v => fmt(v, 0)}],
      worst.map(c => [c.unit, c.cases, c.payment, c.cost, c.balance, c.costedCases, c.costedCases > 0 ? c.caseCost : null, onCost(c), c.excessCategory, c.excessAmount]));
  },

  async evaluation(f) {
    const ev = await api('/api/evaluation?' + query({period: f.period, set: f.set, hospital: f.hospital}));
    const p = panel('高质量发展评价（' + ev.setName + '；期间 ' + ev.period + '，目标集：' + ev.targetSetName
      + (f.hospital ? '，' + hospitalName(f.hospital) : '') + '；点击状态筛选表格）', true);
    const chooser = document.createElement('div');
    chooser.className = 'tools';
    chooser.innerHTML = '<label>指标集 <select id="ev-set"></select></label>';
    p.appendChild(chooser);
    ev.sets.forEach(x => { const o = document.createElement('option'); o.value = x.id; o.textContent = x.name; $('ev-set').appendChild(o); });
    $('ev-set').value = ev.set;
    $('ev-set').onchange = () => go({set: $('ev-set').value});
    const statuses = {MET: 0, WARNING: 0, NOT_MET: 0, NO_DATA: 0};
    ev.rows.forEach(r => statuses[r.status]++);
    const pie = chart(p, {tooltip: {trigger: 'item'}, legend: {top: 0},
      series: [{type: 'pie', radius: ['35%', '65%'], data: [['MET', '达标', '#2e7d32'], ['WARNING', '预警', '#f9a825'], ['NOT_MET', '未达标', '#c62828'], ['NO_DATA', '无数据', '#9aa5b1']]
        .map(([s, n, c]) => ({name: n, value: statuses[s], itemStyle: {color: c}}))}]}, 300);
    drill(pie, (i, x) => go({q: x.name}));
    if (state.me.role === 'ADMIN' || state.me.role === 'REGULATOR') {
      const tools = document.createElement('div');
      tools.className = 'tools';
      [['pdf', '下载通报 PDF'], ['xlsx', '下载通报 Excel']].forEach(([fmtName, label]) => {
        const b = document.createElement('button');
        b.textContent = label;
        b.onclick = () => busy(b, '正在生成通报…', async () => download('通报-' + ev.period + '.' + fmtName,
          await api('/api/evaluation/brief?' + query({period: f.period, set: f.set, format: fmtName}))));
        tools.appendChild(b);
      });
      p.appendChild(tools);
    }
    // values stay numbers (the table sorts them); the indicator's unit says how they read (rates as %)
    const unitOf = Object.fromEntries(ev.rows.map(r => [r.indicatorName, r.unit]));
    const value = (v, r) => v === null || v === undefined ? '—' : unitOf[r[3]] === 'ratio' ? pct(v) : fmt(v, 2);
    const SIGN = {GE: '≥', GT: '>', LE: '≤', LT: '<'};
    const t = table(p, '评价结果', [{name: '医院'}, {name: '同类医院'}, {name: '序号'}, {name: '指标'}, {name: '维度'}, {name: '值', f: value},
      {name: '比较'}, {name: '目标', f: value}, {name: '差距（值 − 目标）', f: value, cls: (v, r) => r[9] === '未达标' ? 'bad' : ''},
      {name: '状态', cls: v => 'status-' + ({达标: 'MET', 预警: 'WARNING', 未达标: 'NOT_MET', 无数据: 'NO_DATA'}[v] || '')},
      {name: '同类排名', f: (v, r) => v === null ? '—' : v + ' / ' + r[11]}, {name: '同类医院数'},
      {name: '百分位', f: v => v === null ? '—' : v.toFixed(0)}, {name: '来源或无数据原因'}],
      ev.rows.map(r => [r.hospitalId + ' ' + r.hospitalName, r.peerGroup, r.nationalNo === null ? '' : r.nationalNo, r.indicatorName,
        r.dimension, r.value, r.target === null ? '' : SIGN[r.comparator], r.target, r.gap, r.statusLabel, r.rankInPeers, r.peers,
        r.percentile, r.value === null ? r.noData : r.source]), true);
    if (f.q) t.search(f.q);
  },

  // the composite score of the evaluation ranked within peers (tier × type); a hospital user sees its own line
  async ranking(f) {
    const rk = await api('/api/ranking?' + query({period: f.period, set: f.set, hospital: f.hospital}));
    const p = panel('综合得分排名（' + rk.setName + '；期间 ' + rk.period + '，目标集：' + rk.targetSetName
      + '；同类医院 = 同级别 × 同类型；得分 0–100；点击医院查看其评价）', true);
    const chooser = document.createElement('div');
    chooser.className = 'tools';
    chooser.innerHTML = '<label>指标集 <select id="rk-set"></select></label>';
    p.appendChild(chooser);
    rk.sets.forEach(x => { const o = document.createElement('option'); o.value = x.id; o.textContent = x.name; $('rk-set').appendChild(o); });
    $('rk-set').value = rk.set;
    $('rk-set').onchange = () => go({set: $('rk-set').value});
    const toEvaluation = (id) => ({page: 'evaluation', hospital: id, period: rk.period, set: rk.set, q: ''});
    const top = rk.rows.filter(r => r.score !== null).sort((a, b) => b.score - a.score).slice(0, 30);
    if (top.length) {
      const c = chart(p, {xAxis: {type: 'category', data: top.map(r => r.hospitalId), axisLabel: {rotate: 45, fontSize: 10}},
        yAxis: {type: 'value', name: '综合得分（分）', min: 0, max: 100},
        tooltip: {trigger: 'axis', formatter: (xs) => esc(top[xs[0].dataIndex].hospitalName) + '<br>' + esc(top[xs[0].dataIndex].peerGroup)
          + '<br>综合得分 ' + fmt(xs[0].value, 1) + ' 分'},
        series: [{type: 'bar', name: '综合得分', data: top.map(r => Math.round(r.score * 10) / 10), itemStyle: {color: '#1565c0'}}]}, 320);
      drill(c, (i) => go(toEvaluation(top[i].hospitalId)));
    }
    const score = v => v === null || v === undefined ? '—' : fmt(v, 1);
    table(p, '综合得分排名', [{name: '同类医院'}, {name: '同类排名', f: (v, r) => v === null ? '—' : v + ' / ' + r[3]}, {name: '医院', link: v => link(toEvaluation(v.split(' ')[0]))},
      {name: '同类医院数'}, {name: '综合得分（分）', f: score}].concat(rk.dimensions.map(d => ({name: d + '（分）', f: score})))
      .concat([{name: '百分位（%）', f: v => v === null ? '—' : v.toFixed(0)}, {name: '计分指标数'}]),
      rk.rows.map(r => [r.peerGroup, r.rank, r.hospitalId + ' ' + r.hospitalName, r.peers, r.score].concat(r.dimensions).concat([r.percentile, r.indicators])), true);
  },

  async ledger(f) {
    const STATUS = [['NOT_STARTED', '未启动', '#9aa5b1'], ['IN_PROGRESS', '推进中', '#1565c0'], ['AT_RISK', '有风险', '#f9a825'],
      ['OVERDUE', '已逾期', '#c62828'], ['DONE', '已完成', '#2e7d32']];
    const plans = await api('/api/ledger/plans?' + query({period: f.period}));
    // a task's due date: its own, or its plan's horizon (推定); a task whose document names no unit: to be named
    const UNNAMED = '未写明（待核定）';
    const due = (x) => x.due ? x.due + (x.dueDerived ? '（按方案期限推定）' : '') : '—';
    const p = panel('任务推进台账（截至 ' + plans.asOf + '）', true);
    if (!plans.plans.length) {
      const m = document.createElement('p');
      m.textContent = '台账中还没有方案。' + (state.me.role === 'DEPARTMENT' ? '' : '可在下方“导入方案”中导入，或用命令 hqd ledger import --plan <文件>。');
      p.appendChild(m);
    } else {
      chart(p, {tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}}, legend: {top: 0},
        grid: {left: 260, right: 30, top: 40, bottom: 30},
        xAxis: {type: 'value', name: '任务数'}, yAxis: {type: 'category', inverse: true,
          data: plans.plans.map(x => x.title.length > 18 ? x.title.slice(0, 18) + '…' : x.title)},
        series: STATUS.map(([k, n, c]) => ({name: n, type: 'bar', stack: 'all', itemStyle: {color: c},
          data: plans.plans.map(x => x.counts[k])}))}, Math.max(200, 60 + 36 * plans.plans.length));
      if (state.me.role !== 'DEPARTMENT') {
        const tools = document.createElement('div');
        tools.className = 'tools';
        [['pdf', '下载台账通报 PDF'], ['xlsx', '下载台账通报 Excel']].forEach(([fmtName, label]) => {
          const b = document.createElement('button');
          b.textContent = label;
          b.onclick = async () => download('台账通报-' + f.period + '.' + fmtName, await api('/api/ledger/brief?' + query({period: f.period, format: fmtName})));
          tools.appendChild(b);
        });
        p.appendChild(tools);
      }
      table(p, '方案进度', [{name: '方案编号'}, {name: '方案'}, {name: '医院'}, {name: '任务'}].concat(STATUS.map(([k, n]) => ({name: n})))
        .concat([{name: '完成率', f: pct}, {name: '来源文件'}]),
        plans.plans.map(x => [x.planId, x.title, x.hospitalId || '区域', x.tasks].concat(STATUS.map(([k]) => x.counts[k])).concat([x.doneShare, x.document])), true);
    }

    const t = panel('任务清单', true);
    const bar = document.createElement('div');
    bar.className = 'tools ledger-filters';
    bar.innerHTML = '<label>方案 <select id="l-plan"><option value="">全部</option></select></label> '
      + '<label>单位 <input id="l-unit" size="14" placeholder="如 市卫生健康委"></label> '
      + '<label>状态 <select id="l-status"><option value="">全部</option></select></label> '
      + '<label><input type="checkbox" id="l-followup"> 只看逾期与风险（回头看）</label> <button id="l-apply">筛选</button>';
    t.appendChild(bar);
    plans.plans.forEach(x => { const o = document.createElement('option'); o.value = x.planId; o.textContent = x.title; $('l-plan').appendChild(o); });
    STATUS.forEach(([k, n]) => { const o = document.createElement('option'); o.value = k; o.textContent = n; $('l-status').appendChild(o); });
    $('l-plan').value = f.plan; $('l-unit').value = f.unit; $('l-status').value = f.lstatus; $('l-followup').checked = f.followup === '1';
    $('l-apply').onclick = () => go({plan: $('l-plan').value, unit: $('l-unit').value.trim(), lstatus: $('l-status').value, followup: $('l-followup').checked ? '1' : '', task: ''});
    const tasks = await api('/api/ledger/tasks?' + query({plan: f.plan, unit: f.unit, status: f.lstatus, followup: f.followup === '1' ? 'true' : '', period: f.period}));
    const list = tasks.tasks;
    const counter = document.createElement('p');
    counter.textContent = '共 ' + list.length + ' 项任务；点击一行查看详情' + (list.some(x => x.canUpdate) ? '并更新进展' : '');
    t.appendChild(counter);
    const tbl = document.createElement('table');
    tbl.className = 'ledger-tasks';
    const head = tbl.createTHead().insertRow();
    ['方案', '部分', '编号', '任务', '牵头单位', '配合单位', '完成期限', '目标', '状态', '最近进展'].forEach(h => { const th = document.createElement('th'); th.textContent = h; head.appendChild(th); });
    const body = tbl.createTBody();
    list.forEach(x => {
      const tr = body.insertRow();
      tr.dataset.task = x.taskId;
      [x.plan, x.section, x.taskNo, x.title, x.leadUnits.join('、') || UNNAMED, x.coUnits.join('、'), due(x),
        x.targets.map(g => g.text).join('；'), x.statusLabel + (x.reason ? '（' + x.reason + '）' : ''), x.lastNoteDate ? x.lastNoteDate + ' ' + x.lastNote : '—']
        .forEach((v, i) => { const td = tr.insertCell(); td.textContent = v; td.style.textAlign = 'left'; if (i === 8) td.className = 'status-' + x.status;
          if (i === 4 && x.unitsUnnamed) td.className = 'unnamed'; });
      tr.onclick = () => go({task: x.taskId});
    });
    t.appendChild(tbl);
    table(t, '任务清单', [{name: '任务编号'}, {name: '方案'}, {name: '部分'}, {name: '编号'}, {name: '任务'}, {name: '牵头单位'}, {name: '配合单位'},
      {name: '期限（原文）'}, {name: '完成期限'}, {name: '目标'}, {name: '状态'}, {name: '说明'}],
      list.map(x => [x.taskId, x.plan, x.section, x.taskNo, x.title, x.leadUnits.join('、'), x.coUnits.join('、'), x.deadlines.join('|'), due(x),
        x.targets.map(g => g.text).join('|'), x.statusLabel, x.reason]));

    if (f.task) {
      const d = await api('/api/ledger/tasks/' + encodeURIComponent(f.task) + '?' + query({period: f.period}));
      const q = panel('任务 ' + d.taskNo + ' ' + d.title, true);
      q.id = 'ledger-task';
      const dl = document.createElement('dl');
      const item = (k, v) => { const dt = document.createElement('dt'); dt.textContent = k; const dd = document.createElement('dd'); dd.textContent = v; dl.append(dt, dd); };
      item('方案', d.plan + (d.section ? ' · ' + d.section : ''));
      item('牵头单位', d.leadUnits.join('、') || UNNAMED);
      item('配合单位', d.coUnits.join('、') || '—');
      item('期限', (d.deadlines.join('、') || '—') + '；完成期限 ' + (d.due ? due(d) : '未定'));
      item('任务编号', d.taskId);
      item('状态', d.statusLabel + (d.reason ? '（' + d.reason + '）' : ''));
      item('原文（第 ' + d.sourceLine + ' 行）', d.text);
      q.appendChild(dl);
      if (d.targets.length) {
        table(q, '目标与实际', [{name: '目标'}, {name: '指标'}, {name: '目标值'}, {name: '实际'}, {name: '达标', cls: v => v === '达标' ? 'status-MET' : v === '未达标' ? 'status-NOT_MET' : ''}, {name: '口径'}],
          d.targets.map(g => [g.phrase + g.text, g.indicatorName || g.indicator || '（未关联指标）', g.target === null ? '—' : g.comparator + ' ' + fmt(g.target, 3),
            g.actual === null ? '—' : fmt(g.actual, 3), g.met === null ? (g.indicator ? '无数据' : '—') : (g.met ? '达标' : '未达标'), g.basis || '—']), true);
      }
      table(q, '进展记录', [{name: '日期'}, {name: '填报人'}, {name: '状态'}, {name: '进展'}, {name: '佐证'}],
        d.history.map(n => [n.date, n.author, n.status, n.note, n.evidence]), true);
      if (d.canUpdate) {
        const form = document.createElement('form');
        form.className = 'ledger-update';
        form.innerHTML = '<label>状态 <select name="status"><option value="">不变</option><option value="NOT_STARTED">未启动</option><option value="IN_PROGRESS">推进中</option>'
          + '<option value="AT_RISK">有风险</option><option value="DONE">已完成</option></select></label> '
          + '<label>进展 <input name="note" size="40"></label> <label>佐证链接 <input name="evidence" size="24"></label> '
          + '<label>调整期限 <input type="date" name="due"></label> <button type="submit">保存进展</button> <span class="msg"></span>';
        form.onsubmit = async (e) => {
          e.preventDefault();
          const v = Object.fromEntries(new FormData(form).entries());
          try {
            await api('/api/ledger/tasks/' + encodeURIComponent(d.taskId) + '/notes', {method: 'POST', body: JSON.stringify(v)});
            render();
          } catch (err) {
            form.querySelector('.msg').textContent = err.message;
            form.querySelector('.msg').className = 'msg error';
          }
        };
        q.appendChild(form);
      }
      q.scrollIntoView();
    }

    const units = await api('/api/ledger/units?' + query({period: f.period}));
    const u = panel('责任单位（' + units.length + ' 个）', true);
    table(u, '责任单位', [{name: '单位'}, {name: '牵头'}, {name: '配合'}].concat(STATUS.map(([k, n]) => ({name: n}))),
      units.map(x => [x.unit, x.lead, x.co].concat(STATUS.map(([k]) => x.counts[k]))));

    if (state.me.role !== 'DEPARTMENT') {
      const im = panel('导入方案（提取 → 审核 → 写入台账）', true);
      im.id = 'ledger-import';
      const form = document.createElement('div');
      form.className = 'tools';
      form.innerHTML = '<label>方案文件（UTF-8 纯文本） <input type="file" id="li-file" accept=".txt,text/plain"></label> '
        + (state.me.role === 'HOSPITAL' ? '<input type="hidden" id="li-hospital">' : '<label>医院（医院自己的方案时填写） <input id="li-hospital" size="8"></label> ')
        + '<button id="li-extract">提取</button> <span class="msg"></span>';
      im.appendChild(form);
      if (state.me.role === 'HOSPITAL') $('li-hospital').value = state.me.hospital;
      const out = document.createElement('div');
      im.appendChild(out);
      $('li-extract').onclick = async () => {
        const file = $('li-file').files[0];
        const msg = form.querySelector('.msg');
        if (!file) { msg.textContent = '请选择文件'; return; }
        const text = await file.text();
        try {
          const x = await api('/api/ledger/extract', {method: 'POST', body: JSON.stringify({name: file.name, text, hospital: $('li-hospital').value})});
          msg.textContent = '找到 ' + x.plans.length + ' 个方案，' + x.plans.reduce((a, q) => a + q.tasks.length, 0) + ' 项任务。请核对、修改后确认写入。';
          msg.className = 'msg';
          out.innerHTML = '';
          const lines = x.review.split('\n').filter(l => l && !l.startsWith('#'));
          const header = lines[0].split('\t');
          const editable = ['section', 'task_no', 'title', 'lead_units', 'co_units', 'deadlines', 'due_date', 'targets'];
          const rt = document.createElement('table');
          rt.className = 'ledger-review';
          const hr = rt.createTHead().insertRow();
          ['保留'].concat(header.filter(h => h !== 'keep')).forEach(h => { const th = document.createElement('th'); th.textContent = h; hr.appendChild(th); });
          const rb = rt.createTBody();
          lines.slice(1).forEach(l => {
            const cells = l.split('\t');
            const tr = rb.insertRow();
            const keep = tr.insertCell();
            keep.innerHTML = '<input type="checkbox" checked>';
            header.forEach((h, i) => {
              if (h === 'keep') return;
              const td = tr.insertCell();
              td.textContent = cells[i] || '';
              td.dataset.col = h;
              if (editable.includes(h)) td.contentEditable = 'true';
            });
          });
          out.appendChild(rt);
          const commit = document.createElement('button');
          commit.textContent = '确认写入台账';
          commit.id = 'li-commit';
          commit.onclick = async () => {
            const rows = [...rb.rows].map(tr => header.map(h => h === 'keep' ? (tr.cells[0].querySelector('input').checked ? '是' : '否')
              : tr.querySelector('td[data-col="' + h + '"]').textContent.replace(/[\t\n]/g, ' ').trim()).join('\t'));
            try {
              const c = await api('/api/ledger/plans', {method: 'POST', body: JSON.stringify({name: file.name, text, hospital: $('li-hospital').value,
                review: [header.join('\t')].concat(rows).join('\n')})});
              msg.textContent = '已写入台账：' + c.plans + ' 个方案，新增 ' + c.added + ' 项，更新 ' + c.updated + ' 项，未变 ' + c.unchanged + ' 项，移除 ' + c.removed + ' 项';
              setTimeout(render, 800);
            } catch (err) {
              msg.textContent = err.message;
              msg.className = 'msg error';
            }
          };
          out.appendChild(commit);
        } catch (err) {
          msg.textContent = err.message;
          msg.className = 'msg error';
        }
      };
    }
  },

  async budget(f) {
    const me = state.me;
    const department = me.role === 'DEPARTMENT';
    const mayImport = me.role === 'ADMIN' || me.role === 'HOSPITAL';
    const list = await api('/api/budget/list');
    const hospital = me.hospital || f.hospital || (list[0] ? list[0].hospitalId : '');
    const years = list.filter(x => x.hospitalId === hospital).map(x => x.year);
    // a year without a budget of this hospital (e.g. kept in the URL from another hospital): its latest year
    const year = years.includes(+f.year) ? +f.year : years[0];
    const b = year ? await api('/api/budget?' + query({hospital, year, month: year === +f.year ? f.month : ''})) : null;
    const can = b ? b.can : [];
    const wan = (v) => v === null || v === undefined ? null : +(v / 10000).toFixed(2);

    if (!b) {
      const p = panel('全面预算管理', true);
      const m = document.createElement('p');
      m.id = 'budget-empty';
      m.textContent = (hospital ? (me.hospital ? '本院' : hospital + ' ') + '还没有预算。' : '还没有可以查看的预算。')
        + (mayImport ? '可在下方“导入预算编制表或实际数”中导入，或用命令 hqd budget compile 按模板编制。' : '');
      p.appendChild(m);
    } else {
      const tp = b.timeProgress;
      const rev = b.totals.REVENUE || {};
      const exp = b.totals.EXPENDITURE || {};
      const p = panel(b.hospitalName + ' ' + b.year + ' 年预算执行（截至 ' + b.month + ' 月，时间进度 ' + pct(tp) + '）'
        + (b.department ? ' · ' + b.department : ''), true);
      p.id = 'budget-summary';
      const bar = document.createElement('div');
      bar.className = 'tools budget-filters';
      bar.innerHTML = '<label>年度 <select id="b-year"></select></label> <label>截至 <select id="b-month"></select></label>';
      p.appendChild(bar);
      years.forEach(y => { const o = document.createElement('option'); o.value = y; o.textContent = y + ' 年'; $('b-year').appendChild(o); });
      for (let m = 1; m <= 12; m++) {
        const o = document.createElement('option');
        o.value = m;
        o.textContent = m + ' 月' + (b.monthsWithActuals.includes(m) ? '' : '（无实际数）');
        $('b-month').appendChild(o);
      }
      $('b-year').value = b.year;
      $('b-month').value = b.month;
      $('b-year').onchange = () => go({year: $('b-year').value, month: ''});
      $('b-month').onchange = () => go({year: $('b-year').value, month: $('b-month').value});
      [['pdf', false, '预算报告 PDF'], ['xlsx', false, '预算报告 Excel'], ['pdf', true, '财务信息公开 PDF'], ['xlsx', true, '财务信息公开 Excel']]
        .filter(([, pub]) => pub || !department).forEach(([format, pub, label]) => {
          const x = document.createElement('button');
          x.textContent = label;
          x.className = 'download';
          x.onclick = async () => {
            try {
              download((pub ? '财务信息公开-' : '预算报告-') + b.hospitalId + '-' + b.year + '-' + b.month + '月.' + format,
                await api('/api/budget/report?' + query({hospital: b.hospitalId, year: b.year, month: b.month, format, public: pub ? 'true' : ''})));
            } catch (err) {
              alert(err.message);
            }
          };
          bar.appendChild(x);
        });
      const [kpis, card] = kpiCards();
      const latest = b.versions[b.versions.length - 1];
      card('当前版本：' + latest.label, latest.stateLabel, latest.state === 'APPROVED' || latest.state === 'CLOSED' ? 'MET'
        : latest.state === 'RETURNED' ? 'NOT_MET' : 'WARNING');
      const rr = rev.executionRate;
      card('收入执行率（年度预算 ' + fmt(wan(rev.annualBudget), 2) + ' 万元）', pct(rr),
        rr === null || rr === undefined ? '' : rr < tp - 0.1 ? 'WARNING' : 'MET');
      const er = exp.executionRate;
      card('支出执行率（时间进度 ' + pct(tp) + '）', pct(er),
        er === null || er === undefined ? '' : er > 1 ? 'NOT_MET' : er > tp + 0.1 || er < tp - 0.25 ? 'WARNING' : 'MET');
      card('预警项数', String(b.alertCount), b.alertCount ? 'NOT_MET' : 'MET');
      const perf = b.performance;
      card(perf.score === null ? '绩效得分（未设目标）' : '绩效得分（' + perf.grade + '）', perf.score === null ? '—' : fmt(perf.score, 1),
        perf.score === null ? '' : perf.score >= 80 ? 'MET' : perf.score >= 60 ? 'WARNING' : 'NOT_MET');
      p.appendChild(kpis);
      if (!b.monthsWithActuals.length) {
        const n = document.createElement('p');
        n.className = 'muted';
        n.textContent = '还没有导入实际数：执行情况按全年对照，“滞后”类预警仅供参考。';
        p.appendChild(n);
      }
      if (b.basis.state !== 'APPROVED' && b.basis.state !== 'CLOSED') {
        const n = document.createElement('p');
        n.className = 'muted';
        n.textContent = '预算尚未批准：执行情况暂按' + b.basis.label + '（' + b.basis.stateLabel + '）对照实际数。';
        p.appendChild(n);
      } else if (b.pending) {
        const n = document.createElement('p');
        n.className = 'muted';
        n.textContent = '执行依据：' + b.basis.label + '（' + b.basis.stateLabel + '）；' + b.pending.label + '为“' + b.pending.stateLabel + '”，批准后生效。';
        p.appendChild(n);
      }
    }

    if (!me.hospital && list.length) {
      const p = panel('预算一览（' + list.length + ' 个）', true);
      const t = document.createElement('table');
      t.className = 'budget-list';
      const head = t.createTHead().insertRow();
      ['医院', '名称', '年度', '最新版本', '状态', '执行中版本', '实际数'].forEach(h => { const th = document.createElement('th'); th.textContent = h; head.appendChild(th); });
      const body = t.createTBody();
      list.forEach(x => {
        const tr = body.insertRow();
        if (b && x.hospitalId === b.hospitalId && x.year === b.year) tr.className = 'current';
        [x.hospitalId, x.hospitalName, x.year + ' 年', x.latest.label, x.latest.stateLabel, x.inForce ? x.inForce.label : '无（尚未批准）',
          x.monthsWithActuals.length ? x.monthsWithActuals.length + ' 个月' : '—'].forEach((v, i) => {
          const td = tr.insertCell();
          td.textContent = v;
          td.style.textAlign = 'left';
          if (i === 4) td.className = 'state-' + x.latest.state;
        });
        tr.onclick = () => go({hospital: x.hospitalId, year: String(x.year), month: ''});
      });
      p.appendChild(t);
    }

    if (b) {
      const w = panel('审批与版本', true);
      w.id = 'budget-workflow';
      table(w, '预算版本', [{name: '版本'}, {name: '名称'}, {name: '状态', cls: (v, r, j) => 'state-' + b.versions[j].state}, {name: '收入预算（万元）', f: v => fmt(v, 2)},
        {name: '支出预算（万元）', f: v => fmt(v, 2)}, {name: '执行依据'}, {name: '调整原因'}],
        b.versions.map(v => [v.version, v.label, v.stateLabel, wan(v.revenue), wan(v.expenditure), v.basis ? '✓ 执行中' : '', v.reason || '—']), true);
      if (state.budgetMessage) {
        const n = document.createElement('p');
        n.className = 'ok';
        n.id = 'budget-message';
        n.textContent = state.budgetMessage;
        w.appendChild(n);
        state.budgetMessage = '';
      }
      const post = async (action, body, msg) => {
        try {
          const r = await api('/api/budget/' + encodeURIComponent(b.hospitalId) + '/' + b.year + '/' + action, {method: 'POST', body: JSON.stringify(body)});
          state.budgetMessage = b.hospitalId + ' ' + b.year + ' 年' + r.version.label + '：' + r.version.stateLabel;
          render();
        } catch (err) {
          msg.textContent = err.message;
          msg.className = 'msg error';
        }
      };
      const steps = [['submit', '提交'], ['approve', '批准'], ['return', '退回'], ['close', '决算']].filter(([a]) => can.includes(a));
      if (steps.length) {
        const form = document.createElement('div');
        form.className = 'tools budget-actions';
        form.innerHTML = '<label>' + (can.includes('return') ? '审批意见（退回时必填）' : '说明') + ' <input id="b-comment" size="36"></label> ';
        const msg = document.createElement('span');
        msg.className = 'msg';
        steps.forEach(([a, label]) => {
          const x = document.createElement('button');
          x.id = 'b-' + a;
          x.textContent = label;
          if (a === 'return') x.className = 'danger';
          x.onclick = () => {
            const comment = $('b-comment').value.trim();
            if (a === 'return' && !comment) {
              msg.textContent = '退回须填写意见';
              msg.className = 'msg warn';
              $('b-comment').focus();
              return;
            }
            post(a, {comment}, msg);
          };
          form.appendChild(x);
        });
        form.appendChild(msg);
        w.appendChild(form);
      } else if (!department) {
        const n = document.createElement('p');
        n.className = 'muted';
        n.textContent = {DRAFT: '预算编制中。', SUBMITTED: '预算已提交，等待卫生健康委批准或退回。', RETURNED: '预算已退回，医院修改后重新提交。',
          APPROVED: '预算已批准执行。', CLOSED: '年度预算已决算。'}[b.versions[b.versions.length - 1].state] || '';
        w.appendChild(n);
      }
      if (can.includes('adjust')) {
        const form = document.createElement('form');
        form.className = 'budget-adjust';
        form.innerHTML = '<strong>预算调整</strong> <label>科室 <input name="department" list="b-departments" size="12" required></label> '
          + '<label>项目 <select name="item"></select></label> <label>月份 <select name="month"></select></label> '
          + '<label>金额（元，0 为删除） <input name="amount" size="12" required></label> <label>调整原因 <input name="reason" size="24" required></label> '
          + '<button type="submit">建立调整</button> <span class="msg"></span><datalist id="b-departments"></datalist>';
        [...new Set(b.lines.map(l => l.department))].forEach(d => { const o = document.createElement('option'); o.value = d; form.querySelector('datalist').appendChild(o); });
        b.items.forEach(i => { const o = document.createElement('option'); o.value = i.code; o.textContent = i.code + ' ' + i.name; form.querySelector('select[name=item]').appendChild(o); });
        for (let m = 1; m <= 12; m++) { const o = document.createElement('option'); o.value = m; o.textContent = m + ' 月'; form.querySelector('select[name=month]').appendChild(o); }
        form.onsubmit = (e) => {
          e.preventDefault();
          const v = Object.fromEntries(new FormData(form).entries());
          post('adjust', {reason: v.reason, lines: [{department: v.department, item: v.item, month: v.month, amount: v.amount}]}, form.querySelector('.msg'));
        };
        w.appendChild(form);
      }

      const group = f.group === 'category' ? 'category' : 'item';
      const sums = {};
      b.lines.forEach(l => {
        const k = group === 'category' ? l.kindLabel + '·' + l.category : l.itemName;
        const s = sums[k] || (sums[k] = {annual: 0, toDate: 0, actual: 0, alerts: 0, order: Object.keys(sums).length});
        s.annual += l.annualBudget; s.toDate += l.budgetToDate; s.actual += l.actualToDate; s.alerts += l.alerts.length;
      });
      const keys = Object.keys(sums);
      const c = panel('年度预算与累计实际（' + (group === 'category' ? '按类别' : '按项目') + '，万元）', true);
      c.id = 'budget-chart';
      const tools = document.createElement('div');
      tools.className = 'tools';
      tools.innerHTML = '<label>分组 <select id="b-group"><option value="item">按项目</option><option value="category">按类别</option></select></label>';
      c.appendChild(tools);
      $('b-group').value = group;
      $('b-group').onchange = () => go({group: $('b-group').value === 'category' ? 'category' : ''});
      chart(c, {tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}}, legend: {top: 0},
        grid: {left: 170, right: 50, top: 30, bottom: 30}, xAxis: {type: 'value', name: '金额（万元）'},
        yAxis: {type: 'category', inverse: true, data: keys},
        series: [{name: '年度预算', type: 'bar', itemStyle: {color: '#90caf9'}, data: keys.map(k => wan(sums[k].annual))},
          {name: '序时预算', type: 'bar', itemStyle: {color: '#b0bec5'}, data: keys.map(k => wan(sums[k].toDate))},
          {name: '累计实际', type: 'bar', itemStyle: {color: '#1565c0'},
            data: keys.map(k => ({value: wan(sums[k].actual), itemStyle: sums[k].alerts ? {color: '#c62828'} : undefined}))}]},
        Math.max(260, 44 * keys.length + 60));
      const legend = document.createElement('p');
      legend.className = 'muted';
      legend.textContent = '红色的累计实际表示该' + (group === 'category' ? '类别' : '项目') + '有预警。';
      c.appendChild(legend);
      table(c, '年度预算与累计实际', [{name: group === 'category' ? '类别' : '项目'}, {name: '年度预算（万元）', f: v => fmt(v, 2)},
        {name: '序时预算（万元）', f: v => fmt(v, 2)}, {name: '累计实际（万元）', f: v => fmt(v, 2)}, {name: '执行率', f: pct}],
        keys.map(k => [k, sums[k].annual / 1e4, sums[k].toDate / 1e4, sums[k].actual / 1e4, sums[k].annual ? sums[k].actual / sums[k].annual : null]));

      const e = panel('预算执行明细（' + b.lines.length + ' 行，预警 ' + b.alertCount + ' 行）', true);
      e.id = 'budget-execution';
      const eb = document.createElement('div');
      eb.className = 'tools';
      eb.innerHTML = '<label><input type="checkbox" id="b-alerts"> 只看预警</label> <span class="legend"><span class="alert-OVER_BUDGET">超预算</span>'
        + '<span class="alert-AHEAD_OF_TIME">进度快于时间进度</span><span class="alert-BEHIND_TIME">执行滞后</span><span class="alert-UNBUDGETED">无预算执行</span></span>';
      e.appendChild(eb);
      $('b-alerts').checked = f.alerts === '1';
      $('b-alerts').onchange = () => go({alerts: $('b-alerts').checked ? '1' : ''});
      const shown = b.lines.filter(l => f.alerts !== '1' || l.alerts.length);
      const alertClass = (v, r, j) => shown[j].alertTests.length ? 'alert-' + shown[j].alertTests[0] : '';
      table(e, '预算执行明细', [{name: '科室'}, {name: '项目编码'}, {name: '项目'}, {name: '收支'}, {name: '年度预算（万元）', f: v => fmt(v, 2)},
        {name: '序时预算（万元）', f: v => fmt(v, 2)}, {name: '累计实际（万元）', f: v => fmt(v, 2), cls: alertClass},
        {name: '执行率', f: pct, cls: alertClass}, {name: '时间进度', f: pct}, {name: '预警', cls: alertClass}],
        shown.map(l => [l.department, l.itemCode, l.itemName, l.kindLabel, l.annualBudget / 1e4, l.budgetToDate / 1e4, l.actualToDate / 1e4, l.executionRate,
          l.timeProgress, l.alertLabels.join('、')]), true);

      const better = (r, v) => v === null ? '' : (r[1] === '支出' ? v > 0 : v < 0) ? 'bad' : '';
      [['varianceByDepartment', '科室'], ['varianceByItem', '项目']].forEach(([key, label]) => {
        const q = panel('差异分析（按' + label + '；差异 = 累计实际 − 序时预算）');
        table(q, '差异分析-' + label, [{name: label}, {name: '收支'}, {name: '序时预算（万元）', f: v => fmt(v, 2)}, {name: '累计实际（万元）', f: v => fmt(v, 2)},
          {name: '差异（万元）', f: v => fmt(v, 2), cls: (v, r) => better(r, v)}, {name: '差异率', f: pct, cls: (v, r) => better(r, v)}],
          b[key].map(x => [x.key, x.kindLabel, x.budgetToDate / 1e4, x.actualToDate / 1e4, x.variance / 1e4, x.rate]), true);
      });

      const pf = panel('预算绩效评价' + (b.performance.score === null ? '' : '：' + fmt(b.performance.score, 1) + ' 分（' + b.performance.grade + '）'));
      pf.id = 'budget-performance';
      if (!b.performance.targets.length) {
        const n = document.createElement('p');
        n.className = 'muted';
        n.textContent = '尚未设定预算绩效目标（可用命令 hqd budget targets 载入）。';
        pf.appendChild(n);
      } else {
        const value = (t, v) => v === null ? '—' : t.source === 'EXECUTION_RATE' ? pct(v) : fmt(v, 2) + (t.unit ? ' ' + t.unit : '');
        table(pf, '预算绩效评价', [{name: '维度'}, {name: '目标'}, {name: '科室'}, {name: '项目'}, {name: '目标值'}, {name: '实际'},
          {name: '达标', cls: v => v === '达标' ? 'status-MET' : v === '未达标' ? 'status-NOT_MET' : 'status-NO_DATA'}, {name: '权重', f: v => fmt(v, 0)}, {name: '得分', f: v => fmt(v, 1)}],
          b.performance.targets.map(t => [t.dimensionLabel, t.name, t.department, t.item || '（全部）', t.comparator + ' ' + value(t, t.target), value(t, t.actual),
            t.met === null ? '无数据' : t.met ? '达标' : '未达标', t.weight, t.earned]), true);
      }
      // the structure is the hospital's: a department's own lines say little about it
      if (!department) {
        const st = b.structure;
        const sp = panel('收支结构（累计实际）');
        table(sp, '收支结构', [{name: '指标'}, {name: '数值'}], [['医疗服务收入占医疗收入比例', pct(st.serviceRevenueShare)],
          ['人员支出占业务支出比例', pct(st.staffSpendingShare)], ['万元收入能耗支出（元）', st.energyPer10kRevenue === null ? '—' : fmt(st.energyPer10kRevenue, 2)]], true);
      }

      const h = panel('编制、审批与调整记录', true);
      table(h, '预算记录', [{name: '时间'}, {name: '版本'}, {name: '操作'}, {name: '状态'}, {name: '用户'}, {name: '意见或说明'}],
        b.history.map(x => [new Date(x.at).toLocaleString('zh-CN', {hour12: false}), x.version, x.actionLabel, (x.fromLabel ? x.fromLabel + ' → ' : '') + x.toLabel,
          x.user, department ? '—' : (x.comment || '—')]), true);
    }

    if (mayImport) {
      const im = panel('导入预算编制表或实际数（CSV）', true);
      im.id = 'budget-import';
      const form = document.createElement('div');
      form.className = 'tools budget-import';
      form.innerHTML = '<label>类型 <select id="bi-kind"><option value="budget">预算编制表（编制草稿）</option><option value="actuals">实际数（按月替换）</option></select></label> '
        + '<label>文件（CSV，UTF-8） <input type="file" id="bi-file" accept=".csv,text/csv,text/plain"></label> '
        + '<button id="bi-import">导入</button> <button id="bi-template" class="secondary">下载模板</button> <span class="msg"></span>';
      im.appendChild(form);
      const note = document.createElement('p');
      note.className = 'muted';
      note.textContent = '列：hospital_id,year,department,item,month,amount。金额单位元（最多两位小数）；item 填项目编码或名称；department 填科室或成本中心（如 全院、财务科）。'
        + (me.role === 'HOSPITAL' ? '只能导入本院（' + me.hospital + '）的行。' : '') + '不合格的行被拒收并说明原因，其余照常导入。';
      im.appendChild(note);
      if (b && !can.includes('import')) {
        $('bi-kind').querySelector('option[value=budget]').disabled = true;
        $('bi-kind').value = 'actuals';
        note.textContent += '当前预算为“' + b.versions[b.versions.length - 1].stateLabel + '”，不能重新导入编制表（已批准的预算请用调整）。';
      }
      const msg = form.querySelector('.msg');
      $('bi-template').onclick = () => {
        const h = me.hospital || hospital || 'H0001';
        const y = b ? b.year : new Date().getFullYear();
        download('预算编制表模板.csv', new Blob(['\ufeffhospital_id,year,department,item,month,amount\r\n' + h + ',' + y + ',全院,R0201,1,500000\r\n'
          + h + ',' + y + ',财务科,E0404,1,20000.00\r\n'], {type: 'text/csv'}));
      };
      $('bi-import').onclick = async () => {
        const file = $('bi-file').files[0];
        if (!file) { msg.textContent = '请选择文件'; msg.className = 'msg warn'; return; }
        const kind = $('bi-kind').value;
        const text = (await file.text()).replace(/^\ufeff/, '');
        msg.textContent = '正在导入…';
        msg.className = 'msg';
        try {
          const r = await api('/api/budget/import', {method: 'POST', body: JSON.stringify({name: file.name, text, kind})});
          state.budgetImport = r;
          render();
        } catch (err) {
          msg.textContent = err.message;
          msg.className = 'msg error';
        }
      };
      const r = state.budgetImport;
      if (r) {
        state.budgetImport = null;
        const out = document.createElement('div');
        out.id = 'budget-import-result';
        const s = document.createElement('p');
        s.className = r.rejected ? 'warn' : 'ok';
        s.textContent = r.name + '（' + (r.kind === 'budget' ? '预算编制表' : '实际数') + '）：读取 ' + r.read + ' 行，接收 ' + r.accepted + ' 行，拒收 ' + r.rejected + ' 行'
          + (r.rejected ? '（' + Object.entries(r.rejectedByRule).map(([k, n]) => k + ' ' + n + ' 行').join('，') + '）' : '');
        out.appendChild(s);
        const ul = document.createElement('ul');
        r.changes.forEach(x => { const li = document.createElement('li'); li.textContent = x; ul.appendChild(li); });
        out.appendChild(ul);
        im.appendChild(out);
        if (r.rejectedRows.length) {
          table(im, '拒收的行', [{name: '行号'}, {name: '医院'}, {name: '年度'}, {name: '科室'}, {name: '项目'}, {name: '月份'}, {name: '金额'}, {name: '规则'}, {name: '原因'}],
            r.rejectedRows.map(x => [x.line, x.hospital_id, x.year, x.department, x.item, x.month, x.amount, x.ruleIds.join('、'), x.reasons.join('；')]), true);
          im.querySelector('table').classList.add('budget-rejects');
        }
        im.scrollIntoView();
      }
    }
  },

  async costing(f) {
    const runs = await api('/api/costing/runs');
    const hospital = state.me.hospital || f.hospital || (runs[0] ? runs[0].hospitalId : '');
    const years = [...new Set(runs.filter(r => r.hospitalId === hospital).map(r => r.year))].sort((a, b) => b - a);
    const year = years.includes(+f.year) ? +f.year : years[0];
    if (!year) {
      const p = panel('成本核算', true);
      const m = document.createElement('p');
      m.id = 'costing-empty';
      m.textContent = (hospital ? hospital + ' ' : '') + '还没有成本核算结果：先载入分摊参数并核算（hqd costing drivers load、hqd costing run）。';
      p.appendChild(m);
      return;
    }
    const d = await api('/api/costing/departments?' + query({hospital, year}));
    const wan = (v) => +(v / 10000).toFixed(2);
    const p = panel(hospital + ' ' + year + ' 年科室成本（三级分摊后；' + d.run.months + ' 个月财务实际数，规则 ' + d.run.rulesId + '）', true);
    p.id = 'costing-departments';
    const clinical = d.departments.filter(x => x.costClass === 'CLINICAL').sort((a, b) => b.full - a.full);
    chart(p, {legend: {top: 0}, tooltip: {trigger: 'axis'}, xAxis: {type: 'category', data: clinical.map(x => x.department), axisLabel: {rotate: 45, fontSize: 10}},
      yAxis: {type: 'value', name: '成本（万元）'}, grid: {left: 70, right: 20, top: 40, bottom: 110},
      series: [{name: '门诊', type: 'bar', stack: 'c', data: clinical.map(x => wan(x.outpatient)), itemStyle: {color: '#00838f'}},
        {name: '住院', type: 'bar', stack: 'c', data: clinical.map(x => wan(x.inpatient)), itemStyle: {color: '#6a1b9a'}}]}, 360);
    table(p, '科室成本', [{name: '科室'}, {name: '类别'}, {name: '直接成本（万元）', f: v => fmt(v, 2)}, {name: '分摊转入（万元）', f: v => fmt(v, 2)},
      {name: '分摊转出（万元）', f: v => fmt(v, 2)}, {name: '全成本（万元）', f: v => fmt(v, 2)}, {name: '门诊（万元）', f: v => fmt(v, 2)}, {name: '住院（万元）', f: v => fmt(v, 2)}],
      d.departments.map(x => [x.department, x.classLabel, x.direct / 1e4, x.allocatedIn / 1e4, x.allocatedOut / 1e4, x.full / 1e4, x.outpatient / 1e4, x.inpatient / 1e4]), true);
    const sum = document.createElement('p');
    sum.className = 'muted';
    sum.textContent = '各科室全成本合计 ' + fmt(d.totalFull / 1e4, 2) + ' 万元 = 直接成本合计 ' + fmt(d.totalDirect / 1e4, 2)
      + ' 万元（分摊不增不减）；出院 ' + d.run.cases + ' 人次中 ' + d.run.costedCases + ' 人次有病例成本。金额单位：万元（例均为元）。';
    p.appendChild(sum);
    const g = await api('/api/costing/drgs?' + query({hospital, year}));
    const worst = g.lines.slice(0, 20);
    const q = panel('DRG 成本与盈亏（' + hospital + ' ' + year + ' 年已核算成本的入组病例；支付 = 基准费率 ' + fmt(g.baseRate, 0) + ' 元 × RW，' + g.rateSource + '）', true);
    q.id = 'costing-drgs';
    chart(q, {tooltip: {trigger: 'axis'}, xAxis: {type: 'category', data: worst.map(x => x.drg), axisLabel: {rotate: 45, fontSize: 10}},
      yAxis: {type: 'value', name: '结余（万元）'}, grid: {left: 80, right: 20, top: 30, bottom: 80},
      series: [{name: '结余（支付 − 成本，万元）', type: 'bar', data: worst.map(x => +(x.margin / 1e4).toFixed(2)), itemStyle: {color: '#ad1457'}}]}, 320);
    table(q, 'DRG 成本与盈亏', [{name: 'DRG'}, {name: '名称'}, {name: '病例'}, {name: '例均成本（元）', f: v => fmt(v, 0)}, {name: '例均费用（元）', f: v => fmt(v, 0)},
      {name: '例均支付（元）', f: v => fmt(v, 0)}, {name: '结余（支付 − 成本，万元）', f: v => fmt(v, 2)}],
      g.lines.map(x => [x.drg, x.name, x.cases, x.meanCost, x.meanCharges, x.meanPayment, x.margin / 1e4]));
  },

  async audit() {
    const rows = await api('/api/audit?limit=500');
    const p = panel('审计日志（最近 ' + rows.length + ' 条）', true);
    table(p, '审计日志', [{name: '时间'}, {name: '用户'}, {name: '操作'}, {name: '内容'}, {name: '来源'}],
      rows.map(r => [r.at.replace('T', ' ').slice(0, 19), r.user, r.action, r.detail, r.client]), true);
  },
};

function filters() {
  return {page: params.get('page') || 'overview', from: params.get('from') || '', to: params.get('to') || '',
    hospital: params.get('hospital') || '', by: params.get('by') || 'department', period: params.get('period') || '',
    drg: params.get('drg') || '', department: params.get('department') || '', plan: params.get('plan') || '',
    unit: params.get('unit') || '', lstatus: params.get('lstatus') || '', followup: params.get('followup') || '', task: params.get('task') || '',
    year: params.get('year') || '', month: params.get('month') || '', alerts: params.get('alerts') || '', group: params.get('group') || '',
    case: params.get('case') || '', q: params.get('q') || '', set: params.get('set') || ''};
}

async function render() {
  const f = filters();
  if (!f.period && state.info.lastMonth) f.period = monthsBack(state.info.lastMonth);
  const navPage = f.page === 'drgcost' ? 'units' : f.page;
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.page === navPage));
  $('f-from').value = f.from; $('f-to').value = f.to; $('f-hospital').value = f.hospital; $('f-by').value = f.by; $('f-period').value = f.period;
  $('f-by-box').style.display = f.page === 'units' ? '' : 'none';
  $('f-department-box').style.display = f.page === 'units' || f.page === 'drgcost' ? '' : 'none';
  $('f-department').value = f.department;
  $('f-period-box').style.display = f.page === 'overview' || f.page === 'evaluation' || f.page === 'ranking' || f.page === 'ledger' ? '' : 'none';
  $('f-dates-box').style.display = f.page === 'ledger' || f.page === 'ranking' || f.page === 'budget' || f.page === 'costing' ? 'none' : '';
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

function go(changes) {
  Object.entries(changes).forEach(([k, v]) => v ? params.set(k, v) : params.delete(k));
  history.pushState(null, '', '?' + params.toString());
  render();
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
  window.onpopstate = () => { new URLSearchParams(location.search).forEach((v, k) => params.set(k, v)); render(); };
  window.onresize = () => state.charts.forEach(c => c.resize());
  await render();
}

start();
