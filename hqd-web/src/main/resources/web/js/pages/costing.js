// Page costing (?page=costing).
import {fmt} from '../format.js';
import {api, query} from '../api.js';
import {state, $, panel, hospitalName, go} from '../page.js';
import {chart} from '../chart.js';
import {table} from '../table.js';

export async function costing(f) {
  const runs = await api('/api/costing/runs');
  const hospital = state.me.hospital || f.hospital || (runs[0] ? runs[0].hospitalId : '');
  const years = [...new Set(runs.filter(r => r.hospitalId === hospital).map(r => r.year))].sort((a, b) => b - a);
  const year = years.includes(+f.year) ? +f.year : years[0];
  if (!year) {
    const p = panel('成本核算', true);
    const m = document.createElement('p');
    m.id = 'costing-empty';
    m.textContent = (hospital ? hospitalName(hospital) + ' ' : '') + '还没有成本核算结果：财务部门载入分摊参数并完成核算后显示。';
    p.appendChild(m);
    return;
  }
  const d = await api('/api/costing/departments?' + query({hospital, year}));
  const wan = (v) => +(v / 10000).toFixed(2);
  const p = panel(hospitalName(hospital) + ' ' + year + ' 年科室成本（三级分摊后；' + d.run.months + ' 个月财务实际数）', true);
  const basis = document.createElement('p');
  basis.className = 'muted';
  basis.textContent = '分摊规则：' + d.rulesName;
  p.id = 'costing-departments';
  // the years costed for this hospital, latest first: the year is the page's period (the dates filter does not apply)
  const bar = document.createElement('div');
  bar.className = 'tools costing-filters';
  bar.innerHTML = '<label>年度 <select id="c-year"></select></label>';
  p.appendChild(bar);
  years.forEach(y => { const o = document.createElement('option'); o.value = y; o.textContent = y + ' 年'; $('c-year').appendChild(o); });
  $('c-year').value = year;
  $('c-year').onchange = () => go({year: $('c-year').value});
  p.appendChild(basis);
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
  // a costed year without costed inpatient cases (no discharges of the year): its departments stand, the DRGs say why not
  let g;
  try {
    g = await api('/api/costing/drgs?' + query({hospital, year}));
  } catch (e) {
    const q = panel('DRG 成本与盈亏（' + hospital + ' ' + year + ' 年）', true);
    q.id = 'costing-drgs';
    const m = document.createElement('p');
    m.className = 'msg warn';
    m.textContent = e.message;
    q.appendChild(m);
    return;
  }
  const worst = g.lines.slice(0, 20);
  const q = panel('DRG 成本与盈亏（' + hospitalName(hospital) + ' ' + year + ' 年已核算成本的入组病例；支付 = 基准费率 ' + fmt(g.baseRate, 0) + ' 元 × RW，' + g.rateSource + '）', true);
  q.id = 'costing-drgs';
  chart(q, {tooltip: {trigger: 'axis'}, xAxis: {type: 'category', data: worst.map(x => x.drg), axisLabel: {rotate: 45, fontSize: 10}},
    yAxis: {type: 'value', name: '结余（万元）'}, grid: {left: 80, right: 20, top: 30, bottom: 80},
    series: [{name: '结余（支付 − 成本，万元）', type: 'bar', data: worst.map(x => +(x.margin / 1e4).toFixed(2)), itemStyle: {color: '#ad1457'}}]}, 320);
  table(q, 'DRG 成本与盈亏', [{name: 'DRG'}, {name: '名称'}, {name: '病例'}, {name: '例均成本（元）', f: v => fmt(v, 0)}, {name: '例均费用（元）', f: v => fmt(v, 0)},
    {name: '例均支付（元）', f: v => fmt(v, 0)}, {name: '结余（支付 − 成本，万元）', f: v => fmt(v, 2)}],
    g.lines.map(x => [x.drg, x.name, x.cases, x.meanCost, x.meanCharges, x.meanPayment, x.margin / 1e4]));
}
