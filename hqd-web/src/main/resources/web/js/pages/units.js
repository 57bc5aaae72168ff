// Page units (?page=units).
import {fmt} from '../format.js';
import {api, query} from '../api.js';
import {state, panel, link, METRIC_COLUMNS, metricRow, go} from '../page.js';
import {chart, drill} from '../chart.js';
import {table} from '../table.js';

export async function units(f) {
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
  if (!top.length && rows.length) {
    // no unit has enough grouped cases to be ranked: say so instead of an empty chart (the table still lists them)
    const m = document.createElement('p');
    m.className = 'muted';
    m.id = 'units-none-ranked';
    m.textContent = '所选范围内 ' + rows.length + ' 个' + label + '的入组病例均不足 ' + state.info.rankMinCases
      + ' 例，不参与 CMI 排名；各' + label + '的指标见下表（可放宽出院日期范围后再看排名）。';
    p.appendChild(m);
  }
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
}
