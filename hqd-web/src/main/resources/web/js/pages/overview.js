// Page overview (?page=overview).
import {fmt} from '../format.js';
import {api, query} from '../api.js';
import {state, panel, kpiCards, go} from '../page.js';
import {chart, drill} from '../chart.js';
import {table} from '../table.js';

export async function overview(f) {
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
  const [kpis, card] = kpiCards();
  card('出院人次', total.cases.toLocaleString('zh-CN'));
  card('CMI', total.g ? (total.w / total.g).toFixed(3) : '—');
  card('次均费用（元）', total.cases ? Math.round(total.cost / total.cases).toLocaleString('zh-CN') : '—');
  if (!department) {
    const ev = await api('/api/evaluation?' + query({period: f.period, hospital: f.hospital}));
    const mine = ev.rows;
    const counts = {MET: 0, WARNING: 0, NOT_MET: 0, NO_DATA: 0};
    mine.forEach(r => counts[r.status]++);
    card('达标项次', counts.MET, 'MET');
    card('预警项次', counts.WARNING, 'WARNING');
    card('未达标项次', counts.NOT_MET, 'NOT_MET');
    const byIndicator = {};
    mine.forEach(r => { const b = byIndicator[r.indicatorName] || (byIndicator[r.indicatorName] = {MET: 0, WARNING: 0, NOT_MET: 0, NO_DATA: 0}); b[r.status]++; });
    const names = Object.keys(byIndicator);
    const p = panel('目标达成（评价期间 ' + ev.period + '，目标集：' + ev.targetSetName + '；点击指标查看各医院）', true);
    const c = chart(p, {legend: {top: 0}, grid: {left: 220, right: 20, top: 30, bottom: 30}, xAxis: {type: 'value'},
      yAxis: {type: 'category', data: names},
      series: [['MET', '达标', '#2e7d32'], ['WARNING', '预警', '#f9a825'], ['NOT_MET', '未达标', '#c62828'], ['NO_DATA', '无数据', '#9aa5b1']]
        .map(([s, n, c]) => ({name: n, type: 'bar', stack: 's', itemStyle: {color: c}, data: names.map(x => byIndicator[x][s])}))},
      Math.max(300, 28 * names.length + 60));
    drill(c, (i) => go({page: 'evaluation', q: '"' + names[i] + '"'}));
    table(p, '目标达成', [{name: '指标'}, {name: '达标'}, {name: '预警'}, {name: '未达标'}, {name: '无数据'}],
      names.map(x => [x, byIndicator[x].MET, byIndicator[x].WARNING, byIndicator[x].NOT_MET, byIndicator[x].NO_DATA]));
  }
  k.appendChild(kpis);
  const t = panel('月度趋势：CMI 与出院人次');
  // two value axes: the right one's labels (人次 in thousands) need the room of the left one
  chart(t, {legend: {top: 0}, grid: {left: 60, right: 60, top: 40, bottom: 60}, xAxis: {type: 'category', data: months},
    yAxis: [{type: 'value', name: 'CMI', scale: true}, {type: 'value', name: '人次'}],
    series: [{name: 'CMI', type: 'line', data: months.map(m => byMonth[m].g ? +(byMonth[m].w / byMonth[m].g).toFixed(4) : null)},
      {name: '出院人次', type: 'bar', yAxisIndex: 1, data: months.map(m => byMonth[m].cases), itemStyle: {color: '#90caf9'}}]});
  table(t, '月度趋势', [{name: '月份'}, {name: 'CMI', f: v => fmt(v, 3)}, {name: '出院人次'}],
    months.map(m => [m, byMonth[m].g ? byMonth[m].w / byMonth[m].g : null, byMonth[m].cases]));
}
