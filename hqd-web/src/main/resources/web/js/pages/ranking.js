import {fmt, esc} from '../format.js';
import {api, query} from '../api.js';
import {$, panel, link, go, scopeNotes} from '../page.js';
import {chart, drill} from '../chart.js';
import {table} from '../table.js';

// the composite score of the evaluation ranked within peers (tier × type); a hospital user sees its own line
export async function ranking(f) {
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
  scopeNotes(p, rk);
  if (rk.notice && !rk.rows.length) return;
  const toEvaluation = (id) => ({page: 'evaluation', hospital: id, period: rk.period, set: rk.set, q: ''});
  const top = rk.rows.filter(r => r.score !== null).sort((a, b) => b.score - a.score).slice(0, 30);
  if (top.length) {
    // the hospitals by name (long names cut at 150 px), as on 数据质量
    const c = chart(p, {xAxis: {type: 'category', data: top.map(r => r.hospitalName),
      axisLabel: {rotate: 45, fontSize: 10, width: 150, overflow: 'truncate'}},
      yAxis: {type: 'value', name: '综合得分（分）', min: 0, max: 100}, grid: {left: 70, right: 40, top: 40, bottom: 130},
      tooltip: {trigger: 'axis', formatter: (xs) => esc(top[xs[0].dataIndex].hospitalName) + '<br>' + esc(top[xs[0].dataIndex].peerGroup)
        + '<br>综合得分 ' + fmt(xs[0].value, 1) + ' 分'},
      series: [{type: 'bar', name: '综合得分', data: top.map(r => Math.round(r.score * 10) / 10), itemStyle: {color: '#1565c0'}}]}, 380);
    drill(c, (i) => go(toEvaluation(top[i].hospitalId)));
  }
  const score = v => v === null || v === undefined ? '—' : fmt(v, 1);
  table(p, '综合得分排名', [{name: '同类医院'}, {name: '同类排名', f: (v, r) => v === null ? '—' : v + ' / ' + r[3]}, {name: '医院', link: v => link(toEvaluation(v.split(' ')[0]))},
    {name: '同类医院数'}, {name: '综合得分（分）', f: score}].concat(rk.dimensions.map(d => ({name: d + '（分）', f: score})))
    .concat([{name: '百分位（%）', f: v => v === null ? '—' : v.toFixed(0)}, {name: '计分指标数'}]),
    rk.rows.map(r => [r.peerGroup, r.rank, r.hospitalId + ' ' + r.hospitalName, r.peers, r.score].concat(r.dimensions).concat([r.percentile, r.indicators])), true);
}
