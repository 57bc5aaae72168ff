// Page hospitals (?page=hospitals).
import {api, query} from '../api.js';
import {state, panel, link, METRIC_COLUMNS, metricRow, go} from '../page.js';
import {chart, drill} from '../chart.js';
import {table} from '../table.js';

export async function hospitals(f) {
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
}
