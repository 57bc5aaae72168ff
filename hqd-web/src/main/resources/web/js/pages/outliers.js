// Page outliers (?page=outliers).
import {fmt} from '../format.js';
import {api, query} from '../api.js';
import {panel, link, go} from '../page.js';
import {chart, drill} from '../chart.js';
import {table} from '../table.js';

export async function outliers(f) {
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
}
