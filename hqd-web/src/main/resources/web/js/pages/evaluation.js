// Page evaluation (?page=evaluation).
import {inUnit, gapInUnit} from '../format.js';
import {api, query} from '../api.js';
import {state, $, panel, hospitalName, go, scopeNotes} from '../page.js';
import {tierFigures} from './tiers.js';
import {chart, drill} from '../chart.js';
import {table, busy, download} from '../table.js';

export async function evaluation(f) {
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
  scopeNotes(p, ev);
  // a hospital outside the set's scope is told why, not shown an empty evaluation
  if (ev.notice && !ev.rows.length) return;
  const statuses = {MET: 0, WARNING: 0, NOT_MET: 0, NO_DATA: 0};
  ev.rows.forEach(r => statuses[r.status]++);
  const pie = chart(p, {tooltip: {trigger: 'item'}, legend: {top: 0},
    series: [{type: 'pie', radius: ['35%', '65%'], data: [['MET', '达标', '#2e7d32'], ['WARNING', '预警', '#f9a825'], ['NOT_MET', '未达标', '#c62828'], ['NO_DATA', '无数据', '#9aa5b1']]
      .map(([s, n, c]) => ({name: n, value: statuses[s], itemStyle: {color: c}}))}]}, 300);
  // a status's rows: the whole cell (a search for 达标 alone would keep 未达标 too)
  drill(pie, (i, x) => go({q: '"' + x.name + '"'}));
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
  const value = (v, r) => inUnit(v, unitOf[r[3]]);
  const SIGN = {GE: '≥', GT: '>', LE: '≤', LT: '<'};
  const t = table(p, '评价结果', [{name: '医院'}, {name: '同类医院'}, {name: '序号'}, {name: '指标'}, {name: '维度'}, {name: '值', f: value},
    {name: '比较'}, {name: '目标', f: value}, {name: '差距（值 − 目标）', f: (v, r) => gapInUnit(v, unitOf[r[3]]), cls: (v, r) => r[9] === '未达标' ? 'bad' : ''},
    {name: '状态', cls: v => 'status-' + ({达标: 'MET', 预警: 'WARNING', 未达标: 'NOT_MET', 无数据: 'NO_DATA'}[v] || '')},
    {name: '同类排名', f: (v, r) => v === null ? '—' : v + ' / ' + r[11]}, {name: '同类医院数'},
    {name: '百分位', f: v => v === null ? '—' : v.toFixed(0)}, {name: '来源或无数据原因'}],
    ev.rows.map(r => [r.hospitalId + ' ' + r.hospitalName, r.peerGroup, r.nationalNo === null ? '' : r.nationalNo, r.indicatorName,
      r.dimension, r.value, r.target === null ? '' : SIGN[r.comparator], r.target, r.gap, r.statusLabel, r.rankInPeers, r.peers,
      r.percentile, r.value === null ? r.noData : r.source]), true);
  if (f.q) t.search(f.q);
  await tierFigures(f);
}
