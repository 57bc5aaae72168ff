// Page quality (?page=quality).
import {pct} from '../format.js';
import {api, query} from '../api.js';
import {panel, go, hospitalName} from '../page.js';
import {chart, drill} from '../chart.js';
import {table} from '../table.js';

export async function quality(f) {
  const res = await api('/api/quality?' + query({hospital: f.hospital, from: f.from, to: f.to}));
  const checked = res.checked;
  const lines = res.findings.filter(l => l.ruleId !== '*');
  const byHospital = {};
  checked.forEach(l => { const h = byHospital[l.hospitalId] || (byHospital[l.hospitalId] = {rows: 0, failed: 0}); h.rows += l.rows; });
  lines.forEach(l => { if (byHospital[l.hospitalId]) byHospital[l.hospitalId].failed += l.failed; });
  const hospitals = Object.keys(byHospital).sort();
  const p = panel('数据质量：各医院检查行数与问题项次（病案首页）', true);
  const c = chart(p, {legend: {top: 0}, xAxis: {type: 'category', data: hospitals.map(hospitalName), axisLabel: {rotate: 45, fontSize: 10, width: 150, overflow: 'truncate'}},
    yAxis: [{type: 'value', name: '检查行数'}, {type: 'value', name: '问题项次', minInterval: 1}], grid: {left: 70, right: 60, top: 40, bottom: 130},
    series: [{name: '检查行数', type: 'bar', data: hospitals.map(h => byHospital[h].rows), itemStyle: {color: '#90a4ae'}},
      {name: '问题项次', type: 'line', yAxisIndex: 1, data: hospitals.map(h => byHospital[h].failed), itemStyle: {color: '#c62828'}}]}, 340);
  drill(c, (i) => go({hospital: hospitals[i]}));
  const m = document.createElement('p');
  m.className = 'muted';
  m.textContent = lines.length ? '按规则的问题行见下表' : checked.length ? '所选范围内已导入的病案未发现质控问题（被拒收的行见数据质量报告与拒收文件）'
    : '所选范围内没有导入的病案';
  p.appendChild(m);
  table(p, '数据质量', [{name: '医院'}, {name: '月份'}, {name: '维度'}, {name: '规则'}, {name: '行数'}, {name: '问题行'}, {name: '通过率', f: pct}],
    lines.length ? lines.map(l => [l.hospitalId, l.period, l.dimension, res.rules[l.ruleId] || l.ruleId, l.rows, l.failed, l.passRate])
      : checked.map(l => [l.hospitalId, l.period, '—', '—', l.rows, 0, 1]));
}
