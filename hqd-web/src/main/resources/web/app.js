// HQD pages: one document, the page and its filters in the URL (?page=…&from=…&to=…&hospital=…&by=…&period=…),
// data from the JSON API, charts with Apache ECharts; every chart has its table and CSV / Excel export.
'use strict';

const state = {me: null, info: null, hospitals: [], charts: []};
const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);
const fmt = (v, d = 2) => v === null || v === undefined ? '—' : Number(v).toLocaleString('zh-CN', {minimumFractionDigits: d, maximumFractionDigits: d});
const pct = (v) => v === null || v === undefined ? '—' : (100 * v).toFixed(1) + '%';

async function api(path, options = {}) {
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

// a table with its CSV and Excel export; rows are arrays of plain values, formatted by the column's function
function table(p, title, columns, rows, open) {
  const tools = document.createElement('div');
  tools.className = 'tools';
  const csv = document.createElement('button');
  csv.textContent = '导出 CSV';
  csv.onclick = () => download(title + '.csv', new Blob(['\ufeff' + [columns.map(c => c.name)].concat(rows)
    .map(r => r.map(v => '"' + String(v === null || v === undefined ? '' : v).replace(/"/g, '""') + '"').join(',')).join('\r\n')],
    {type: 'text/csv'}));
  const xlsx = document.createElement('button');
  xlsx.textContent = '导出 Excel';
  xlsx.onclick = async () => download(title + '.xlsx', await api('/api/export', {method: 'POST',
    body: JSON.stringify({title, header: columns.map(c => c.name), rows})}));
  tools.append(csv, xlsx);
  const details = document.createElement('details');
  if (open) details.open = true;
  details.innerHTML = '<summary>表格（' + rows.length + ' 行）</summary>';
  const t = document.createElement('table');
  const head = t.createTHead().insertRow();
  columns.forEach(c => { const th = document.createElement('th'); th.textContent = c.name; head.appendChild(th); });
  const body = t.createTBody();
  rows.forEach(r => {
    const tr = body.insertRow();
    r.forEach((v, i) => {
      const td = tr.insertCell();
      td.textContent = columns[i].f ? columns[i].f(v) : (v === null || v === undefined ? '—' : v);
      if (i > 0 && typeof v !== 'number' && !columns[i].f) td.style.textAlign = 'left';
      if (columns[i].cls) td.className = columns[i].cls(v);
    });
  });
  details.appendChild(t);
  p.append(tools, details);
}

function download(name, blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function monthsBack(last) {
  return last ? last.slice(0, 4) : '';
}

const METRIC_COLUMNS = [
  {name: '单元'}, {name: '病例数'}, {name: '入组'}, {name: 'DRG 组数'}, {name: 'CMI', f: v => fmt(v, 3)},
  {name: '费用指数', f: v => fmt(v, 3)}, {name: '时间指数', f: v => fmt(v, 3)}, {name: '低风险死亡率', f: pct},
  {name: '平均住院日', f: v => fmt(v, 1)}, {name: '次均费用', f: v => fmt(v, 0)}];
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
    card('出院人次', total.cases.toLocaleString('zh-CN'));
    card('CMI', total.g ? (total.w / total.g).toFixed(3) : '—');
    card('次均费用（元）', total.cases ? Math.round(total.cost / total.cases).toLocaleString('zh-CN') : '—');
    if (!department) {
      const ev = await api('/api/evaluation?' + query({period: f.period}));
      const mine = ev.rows.filter(r => !f.hospital || r.hospitalId === f.hospital);
      const counts = {MET: 0, WARNING: 0, NOT_MET: 0, NO_DATA: 0};
      mine.forEach(r => counts[r.status]++);
      card('达标项次', counts.MET, 'MET');
      card('预警项次', counts.WARNING, 'WARNING');
      card('未达标项次', counts.NOT_MET, 'NOT_MET');
      const byIndicator = {};
      mine.forEach(r => { const b = byIndicator[r.indicatorName] || (byIndicator[r.indicatorName] = {MET: 0, WARNING: 0, NOT_MET: 0, NO_DATA: 0}); b[r.status]++; });
      const names = Object.keys(byIndicator);
      const p = panel('目标达成（评价期间 ' + ev.period + '，目标集 ' + ev.targetSet + '）', true);
      chart(p, {legend: {top: 0}, grid: {left: 220, right: 20, top: 30, bottom: 30}, xAxis: {type: 'value'},
        yAxis: {type: 'category', data: names},
        series: [['MET', '达标', '#2e7d32'], ['WARNING', '预警', '#f9a825'], ['NOT_MET', '未达标', '#c62828'], ['NO_DATA', '无数据', '#9aa5b1']]
          .map(([s, n, c]) => ({name: n, type: 'bar', stack: 's', itemStyle: {color: c}, data: names.map(x => byIndicator[x][s])}))},
        Math.max(300, 28 * names.length + 60));
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
    const [rows, hospitals] = [await api('/api/metrics?' + query({by: 'hospital', from: f.from, to: f.to})), state.hospitals];
    const tier = Object.fromEntries(hospitals.map(h => [h.id, h.tierLabel]));
    const name = Object.fromEntries(hospitals.map(h => [h.id, h.name]));
    const tiers = [...new Set(hospitals.map(h => h.tierLabel))];
    tiers.forEach(t => {
      const mine = rows.filter(r => tier[r.unit] === t).sort((a, b) => (b.cmi || 0) - (a.cmi || 0));
      if (!mine.length) return;
      const p = panel(t + '：CMI 与费用、时间消耗指数（' + mine.length + ' 家）', mine.length > 12);
      chart(p, {legend: {top: 0}, xAxis: {type: 'category', data: mine.map(r => name[r.unit] || r.unit), axisLabel: {rotate: 40, fontSize: 10}},
        yAxis: {type: 'value', scale: true}, grid: {left: 50, right: 20, top: 40, bottom: 110},
        series: [{name: 'CMI', type: 'bar', data: mine.map(r => r.cmi), itemStyle: {color: '#1565c0'}},
          {name: '费用指数', type: 'line', data: mine.map(r => r.costIndex)}, {name: '时间指数', type: 'line', data: mine.map(r => r.timeIndex)}]});
      table(p, t + ' 医院对比', [{name: '医院'}].concat(METRIC_COLUMNS.slice(1)), mine.map(r => [name[r.unit] || r.unit].concat(metricRow(r).slice(1))));
    });
  },

  async drg(f) {
    if (f.drg) {
      const cases = await api('/api/drgs/' + encodeURIComponent(f.drg) + '/cases?' + query({hospital: f.hospital, from: f.from, to: f.to}));
      const p = panel('病组 ' + f.drg + ' 的病例（费用最高的 ' + cases.length + ' 例）：费用与住院日对照病组标准', true);
      chart(p, {tooltip: {trigger: 'item', formatter: (x) => x.data[2] + '<br>住院日/标准 ' + x.data[0].toFixed(2) + '，费用/标准 ' + x.data[1].toFixed(2)},
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
    const rows = (await api('/api/standards')).sort((a, b) => b.standard.cases - a.standard.cases);
    const p = panel('DRG 病组标准：相对权重与例均费用（气泡大小为病例数）', true);
    chart(p, {tooltip: {trigger: 'item', formatter: (x) => x.data[3] + ' ' + x.data[4] + '<br>RW ' + x.data[0].toFixed(3) + '，例均费用 ' + Math.round(x.data[1]) + '，病例 ' + x.data[2]},
      xAxis: {type: 'value', name: 'RW'}, yAxis: {type: 'value', name: '例均费用（元）'},
      series: [{type: 'scatter', symbolSize: (d) => Math.max(4, Math.sqrt(d[2]) / 2), data: rows.map(r => [r.standard.rw, r.standard.meanCost, r.standard.cases, r.drg, r.name])}]}, 420);
    table(p, 'DRG 病组标准', [{name: 'DRG'}, {name: '名称'}, {name: '病例'}, {name: 'RW', f: v => fmt(v, 4)}, {name: '例均费用', f: v => fmt(v, 0)},
      {name: '中位费用', f: v => fmt(v, 0)}, {name: '平均住院日', f: v => fmt(v, 1)}, {name: '例均药品费', f: v => fmt(v, 0)},
      {name: '例均耗材费', f: v => fmt(v, 0)}, {name: '死亡率', f: pct}, {name: '风险等级'}],
      rows.map(r => [r.drg, r.name, r.standard.cases, r.standard.rw, r.standard.meanCost, r.standard.medianCost, r.standard.meanLos,
        r.standard.meanDrugCost, r.standard.meanConsumableCost, r.standard.mortality, r.standard.riskLevel]), true);
    // drill down: a DRG code opens its cases
    p.querySelectorAll('tbody tr').forEach(tr => {
      const cell = tr.cells[0];
      const a = document.createElement('a');
      a.href = '?' + query({page: 'drg', drg: cell.textContent, from: f.from, to: f.to, hospital: f.hospital});
      a.textContent = cell.textContent;
      a.className = 'drill';
      cell.textContent = '';
      cell.appendChild(a);
    });
  },

  async outliers(f) {
    const res = await api('/api/outliers?' + query({hospital: f.hospital, from: f.from, to: f.to}));
    const rows = res.rows;
    const byClass = {HIGH: 0, LOW: 0};
    const byDrg = {};
    rows.forEach(o => { byClass[o.outlierClass]++; byDrg[o.drg] = (byDrg[o.drg] || 0) + 1; });
    const top = Object.entries(byDrg).sort((a, b) => b[1] - a[1]).slice(0, 20);
    const p = panel('高倍率与低倍率病例（共 ' + res.total + ' 例' + (res.total > rows.length ? '，列出前 ' + rows.length + ' 例' : '') + '）', true);
    chart(p, {legend: {top: 0}, xAxis: {type: 'category', data: top.map(t => t[0]), axisLabel: {rotate: 45}},
      yAxis: {type: 'value', name: '例数'}, grid: {left: 50, right: 20, top: 40, bottom: 80},
      series: [{name: '异常病例数（前 20 个病组）', type: 'bar', data: top.map(t => t[1]), itemStyle: {color: '#ef6c00'}}]}, 320);
    const m = document.createElement('p');
    m.className = 'muted';
    m.textContent = '高倍率 ' + byClass.HIGH + ' 例，低倍率 ' + byClass.LOW + ' 例（倍率 = 费用 / 病组标准均费用）';
    p.appendChild(m);
    table(p, '异常病例', [{name: '医院'}, {name: '病案号'}, {name: '科室'}, {name: '医师'}, {name: '病组'}, {name: '类别'},
      {name: '倍率', f: v => fmt(v, 2)}, {name: '费用', f: v => fmt(v, 0)}, {name: '标准费用', f: v => fmt(v, 0)},
      {name: '药品费', f: v => fmt(v, 0)}, {name: '标准药品费', f: v => fmt(v, 0)}, {name: '耗材费', f: v => fmt(v, 0)}, {name: '标准耗材费', f: v => fmt(v, 0)}],
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
      {name: '费用指数', f: v => fmt(v, 3)}, {name: '时间指数', f: v => fmt(v, 3)}, {name: '费用', f: v => fmt(v, 0)}, {name: '支付', f: v => fmt(v, 0)}, {name: '结余', f: v => fmt(v, 0)}],
      rows.map(r => [r.metrics.unit, r.metrics.cases, r.metrics.grouped, r.metrics.drgCount, r.metrics.cmi, r.metrics.costIndex, r.metrics.timeIndex, r.groupedCost, r.payment, r.balance]), true);
  },

  async quality(f) {
    const res = await api('/api/quality');
    const keep = (l) => !f.hospital || l.hospitalId === f.hospital;
    const checked = res.checked.filter(keep);
    const lines = res.findings.filter(keep).filter(l => l.ruleId !== '*');
    const byHospital = {};
    checked.forEach(l => { const h = byHospital[l.hospitalId] || (byHospital[l.hospitalId] = {rows: 0, failed: 0}); h.rows += l.rows; });
    lines.forEach(l => { if (byHospital[l.hospitalId]) byHospital[l.hospitalId].failed += l.failed; });
    const hospitals = Object.keys(byHospital).sort();
    const p = panel('数据质量：各医院检查行数与问题项次（病案首页）', true);
    chart(p, {legend: {top: 0}, xAxis: {type: 'category', data: hospitals, axisLabel: {rotate: 45, fontSize: 10}},
      yAxis: [{type: 'value', name: '检查行数'}, {type: 'value', name: '问题项次'}], grid: {left: 70, right: 60, top: 40, bottom: 80},
      series: [{name: '检查行数', type: 'bar', data: hospitals.map(h => byHospital[h].rows), itemStyle: {color: '#90a4ae'}},
        {name: '问题项次', type: 'line', yAxisIndex: 1, data: hospitals.map(h => byHospital[h].failed), itemStyle: {color: '#c62828'}}]}, 340);
    const m = document.createElement('p');
    m.className = 'muted';
    m.textContent = lines.length ? '按规则的问题行见下表' : '所选范围内已导入的病案未发现质控问题（被拒收的行见 hqd quality 与拒收文件）';
    p.appendChild(m);
    table(p, '数据质量', [{name: '医院'}, {name: '月份'}, {name: '维度'}, {name: '规则'}, {name: '行数'}, {name: '问题行'}, {name: '通过率', f: pct}],
      lines.length ? lines.map(l => [l.hospitalId, l.period, l.dimension, l.ruleId, l.rows, l.failed, l.passRate])
        : checked.map(l => [l.hospitalId, l.period, '—', '—', l.rows, 0, 1]));
  },

  async units(f) {
    const by = f.by || 'department';
    const [metrics, costs] = [await api('/api/metrics?' + query({by, from: f.from, to: f.to, hospital: f.hospital})),
      await api('/api/costs?' + query({by, from: f.from, to: f.to, hospital: f.hospital}))];
    const balance = Object.fromEntries(costs.map(c => [c.unit, c]));
    // the department filter of the URL keeps one department (or, for physicians, those whose main one it is)
    const rows = metrics.filter(r => !f.department || by === 'physician' || r.unit.endsWith('/' + f.department))
      .sort((a, b) => (b.cmi || 0) - (a.cmi || 0));
    const label = by === 'physician' ? '医生' : '科室';
    const top = rows.slice(0, 40);
    const p = panel(label + ' CMI 排名（前 ' + top.length + ' 个，共 ' + rows.length + ' 个）', true);
    chart(p, {legend: {top: 0}, xAxis: {type: 'category', data: top.map(r => r.unit), axisLabel: {rotate: 45, fontSize: 10}},
      yAxis: {type: 'value', scale: true}, grid: {left: 50, right: 20, top: 40, bottom: 130},
      series: [{name: 'CMI', type: 'bar', data: top.map(r => r.cmi), itemStyle: {color: '#6a1b9a'}},
        {name: '费用指数', type: 'line', data: top.map(r => r.costIndex)}]}, 420);
    table(p, label + '绩效', METRIC_COLUMNS.concat([{name: 'DRG 结余', f: v => fmt(v, 0)}, {name: '超标费用类别'}]),
      rows.map(r => metricRow(r).concat([balance[r.unit] ? balance[r.unit].balance : null, balance[r.unit] ? balance[r.unit].excessCategory : null])), true);
    const worst = costs.filter(c => rows.some(r => r.unit === c.unit)).sort((a, b) => a.balance - b.balance).slice(0, 20);
    const q = panel(label + ' DRG 结余（亏损最多的 ' + worst.length + ' 个；支付 = 基准费率 × RW）', true);
    chart(q, {xAxis: {type: 'category', data: worst.map(c => c.unit), axisLabel: {rotate: 45, fontSize: 10}},
      yAxis: {type: 'value', name: '结余（元）'}, grid: {left: 80, right: 20, top: 40, bottom: 130},
      series: [{type: 'bar', data: worst.map(c => Math.round(c.balance)), itemStyle: {color: '#ad1457'}}]}, 360);
    table(q, label + ' DRG 结余', [{name: '单元'}, {name: '病例'}, {name: '支付', f: v => fmt(v, 0)}, {name: '费用', f: v => fmt(v, 0)},
      {name: '结余', f: v => fmt(v, 0)}, {name: '超标类别'}, {name: '超标金额', f: v => fmt(v, 0)}],
      worst.map(c => [c.unit, c.cases, c.payment, c.cost, c.balance, c.excessCategory, c.excessAmount]));
  },

  async evaluation(f) {
    const ev = await api('/api/evaluation?' + query({period: f.period}));
    const p = panel('高质量发展评价（期间 ' + ev.period + '，目标集 ' + ev.targetSetName + '）', true);
    const statuses = {MET: 0, WARNING: 0, NOT_MET: 0, NO_DATA: 0};
    ev.rows.forEach(r => statuses[r.status]++);
    chart(p, {tooltip: {trigger: 'item'}, legend: {top: 0},
      series: [{type: 'pie', radius: ['35%', '65%'], data: [['MET', '达标', '#2e7d32'], ['WARNING', '预警', '#f9a825'], ['NOT_MET', '未达标', '#c62828'], ['NO_DATA', '无数据', '#9aa5b1']]
        .map(([s, n, c]) => ({name: n, value: statuses[s], itemStyle: {color: c}}))}]}, 300);
    if (state.me.role === 'ADMIN' || state.me.role === 'REGULATOR') {
      const tools = document.createElement('div');
      tools.className = 'tools';
      [['pdf', '下载通报 PDF'], ['xlsx', '下载通报 Excel']].forEach(([fmtName, label]) => {
        const b = document.createElement('button');
        b.textContent = label;
        b.onclick = async () => download('通报-' + ev.period + '.' + fmtName, await api('/api/evaluation/brief?' + query({period: f.period, format: fmtName})));
        tools.appendChild(b);
      });
      p.appendChild(tools);
    }
    table(p, '评价结果', [{name: '医院'}, {name: '层级'}, {name: '指标'}, {name: '维度'}, {name: '值', f: v => v}, {name: '目标', f: v => v},
      {name: '状态', cls: v => 'status-' + ({达标: 'MET', 预警: 'WARNING', 未达标: 'NOT_MET', 无数据: 'NO_DATA'}[v] || '')}, {name: '层级排名'}],
      ev.rows.map(r => [r.hospitalId + ' ' + r.hospitalName, r.tierLabel, r.indicatorName, r.dimension,
        r.value === null ? '—' : (r.unit === 'ratio' ? pct(r.value) : fmt(r.value, 2)),
        r.target === null ? '—' : ({GE: '≥', GT: '>', LE: '≤', LT: '<'}[r.comparator] + ' ' + (r.unit === 'ratio' ? pct(r.target) : fmt(r.target, 2))),
        r.statusLabel, r.rankInTier === null ? '—' : r.rankInTier + ' / ' + r.tierSize]), true);
  },

  async ledger(f) {
    const STATUS = [['NOT_STARTED', '未启动', '#9aa5b1'], ['IN_PROGRESS', '推进中', '#1565c0'], ['AT_RISK', '有风险', '#f9a825'],
      ['OVERDUE', '已逾期', '#c62828'], ['DONE', '已完成', '#2e7d32']];
    const plans = await api('/api/ledger/plans?' + query({period: f.period}));
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
    ['任务编号', '方案', '部分', '编号', '任务', '牵头单位', '配合单位', '完成期限', '目标', '状态', '最近进展'].forEach(h => { const th = document.createElement('th'); th.textContent = h; head.appendChild(th); });
    const body = tbl.createTBody();
    list.forEach(x => {
      const tr = body.insertRow();
      tr.dataset.task = x.taskId;
      [x.taskId, x.plan, x.section, x.taskNo, x.title, x.leadUnits.join('、'), x.coUnits.join('、'), x.due || '—',
        x.targets.map(g => g.text).join('；'), x.statusLabel + (x.reason ? '（' + x.reason + '）' : ''), x.lastNoteDate ? x.lastNoteDate + ' ' + x.lastNote : '—']
        .forEach((v, i) => { const td = tr.insertCell(); td.textContent = v; td.style.textAlign = 'left'; if (i === 9) td.className = 'status-' + x.status; });
      tr.onclick = () => go({task: x.taskId});
    });
    t.appendChild(tbl);
    table(t, '任务清单', [{name: '任务编号'}, {name: '方案'}, {name: '部分'}, {name: '编号'}, {name: '任务'}, {name: '牵头单位'}, {name: '配合单位'},
      {name: '期限（原文）'}, {name: '完成期限'}, {name: '目标'}, {name: '状态'}, {name: '说明'}],
      list.map(x => [x.taskId, x.plan, x.section, x.taskNo, x.title, x.leadUnits.join('、'), x.coUnits.join('、'), x.deadlines.join('|'), x.due,
        x.targets.map(g => g.text).join('|'), x.statusLabel, x.reason]));

    if (f.task) {
      const d = await api('/api/ledger/tasks/' + encodeURIComponent(f.task) + '?' + query({period: f.period}));
      const q = panel('任务 ' + d.taskId + ' ' + d.taskNo + ' ' + d.title, true);
      q.id = 'ledger-task';
      const dl = document.createElement('dl');
      const item = (k, v) => { const dt = document.createElement('dt'); dt.textContent = k; const dd = document.createElement('dd'); dd.textContent = v; dl.append(dt, dd); };
      item('方案', d.plan + (d.section ? ' · ' + d.section : ''));
      item('牵头单位', d.leadUnits.join('、') || '—');
      item('配合单位', d.coUnits.join('、') || '—');
      item('期限', (d.deadlines.join('、') || '—') + '；完成期限 ' + (d.due || '未定'));
      item('状态', d.statusLabel + (d.reason ? '（' + d.reason + '）' : ''));
      item('原文（第 ' + d.sourceLine + ' 行）', d.text);
      q.appendChild(dl);
      if (d.targets.length) {
        table(q, '目标与实际', [{name: '目标'}, {name: '指标'}, {name: '目标值'}, {name: '实际'}, {name: '达标', cls: v => v === '达标' ? 'status-MET' : v === '未达标' ? 'status-NOT_MET' : ''}, {name: '口径'}],
          d.targets.map(g => [g.phrase + g.text, g.indicator || '（未关联指标）', g.target === null ? '—' : g.comparator + ' ' + fmt(g.target, 3),
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
    unit: params.get('unit') || '', lstatus: params.get('lstatus') || '', followup: params.get('followup') || '', task: params.get('task') || ''};
}

async function render() {
  const f = filters();
  if (!f.period && state.info.lastMonth) f.period = monthsBack(state.info.lastMonth);
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.page === f.page));
  $('f-from').value = f.from; $('f-to').value = f.to; $('f-hospital').value = f.hospital; $('f-by').value = f.by; $('f-period').value = f.period;
  $('f-by-box').style.display = f.page === 'units' ? '' : 'none';
  $('f-department-box').style.display = f.page === 'units' && f.by !== 'physician' ? '' : 'none';
  $('f-department').value = f.department;
  $('f-period-box').style.display = f.page === 'overview' || f.page === 'evaluation' || f.page === 'ledger' ? '' : 'none';
  $('f-dates-box').style.display = f.page === 'ledger' ? 'none' : '';
  if (f.page === 'ledger') $('f-hospital-box').style.display = 'none';
  else if (!state.me.hospital) $('f-hospital-box').style.display = '';
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
  $('me').textContent = state.me.name + '（' + state.me.roleLabel + (state.me.hospital ? ' · ' + state.me.hospital : '') + (state.me.department ? ' · ' + state.me.department : '') + '）';
  if (state.me.role !== 'ADMIN') document.querySelectorAll('.admin-only').forEach(a => a.remove());
  if (state.me.role === 'DEPARTMENT') document.querySelectorAll('.no-department').forEach(a => a.remove());
  state.info = await api('/api/info');
  state.hospitals = await api('/api/hospitals');
  state.hospitals.forEach(h => { const o = document.createElement('option'); o.value = h.id; o.textContent = h.id + ' ' + h.name; $('f-hospital').appendChild(o); });
  if (state.me.hospital) { $('f-hospital-box').style.display = 'none'; }
  document.querySelectorAll('#nav a').forEach(a => a.onclick = () => go({page: a.dataset.page, drg: '', task: ''}));
  $('apply').onclick = () => go({from: $('f-from').value, to: $('f-to').value, hospital: $('f-hospital').value, by: $('f-by').value, period: $('f-period').value, department: $('f-department').value});
  $('logout').onclick = async () => { await api('/api/session', {method: 'DELETE'}); sessionStorage.removeItem('csrf'); location.href = '/login.html'; };
  window.onpopstate = () => { new URLSearchParams(location.search).forEach((v, k) => params.set(k, v)); render(); };
  window.onresize = () => state.charts.forEach(c => c.resize());
  await render();
}

start();
