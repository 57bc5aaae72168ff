// Page drg (?page=drg).
import {fmt, pct, esc} from '../format.js';
import {api, query} from '../api.js';
import {panel, link, drgNames, hospitalName, go} from '../page.js';
import {chart, drill} from '../chart.js';
import {table} from '../table.js';

export async function drg(f) {
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
}
