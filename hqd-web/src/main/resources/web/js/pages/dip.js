// Page dip (?page=dip).
import {fmt} from '../format.js';
import {api, query} from '../api.js';
import {panel, hospitalName, go} from '../page.js';
import {chart, drill} from '../chart.js';
import {table} from '../table.js';

export async function dip(f) {
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
  // a hospital by its name, a department by its own name (the page's title names the hospital)
  const name = (unit) => by === 'hospital' ? hospitalName(unit) : unit.slice(unit.indexOf('/') + 1);
  const p = panel('DIP：例均分值、消耗指数与按预算中性点值的结余（' + (by === 'hospital' ? '各医院；点击医院查看其科室'
    : hospitalName(f.hospital) + ' 各科室') + '）', true);
  const c = chart(p, {legend: {top: 0}, xAxis: {type: 'category', data: rows.map(r => name(r.metrics.unit)), axisLabel: {rotate: 45, fontSize: 10}},
    yAxis: [{type: 'value', name: '结余（万元）'}, {type: 'value', name: '费用指数', scale: true}], grid: {left: 70, right: 60, top: 40, bottom: 110},
    series: [{name: '结余（万元）', type: 'bar', data: rows.map(r => +(r.balance / 10000).toFixed(1)), itemStyle: {color: '#00838f'}},
      {name: '费用指数', type: 'line', yAxisIndex: 1, data: rows.map(r => r.metrics.costIndex)}]}, 380);
  if (by === 'hospital') drill(c, (i) => go({hospital: rows[i].metrics.unit}));
  table(p, 'DIP 单元指标', [{name: by === 'hospital' ? '医院' : '科室'}, {name: '病例'}, {name: '入组'}, {name: '病种数'}, {name: '例均分值', f: v => fmt(v, 1)},
    {name: '费用指数', f: v => fmt(v, 3)}, {name: '时间指数', f: v => fmt(v, 3)}, {name: '费用（万元）', f: v => fmt(v, 2)}, {name: '支付（万元）', f: v => fmt(v, 2)}, {name: '结余（万元）', f: v => fmt(v, 2)}],
    rows.map(r => [name(r.metrics.unit), r.metrics.cases, r.metrics.grouped, r.metrics.drgCount, r.metrics.cmi, r.metrics.costIndex, r.metrics.timeIndex, r.groupedCost / 1e4, r.payment / 1e4, r.balance / 1e4]), true);
}
