// The evaluation page's tier figures: every indicator of the set (with a target or not), per tier and overall,
// the hospitals with a value, their mean and median (each hospital counts once); then the hospitals' own values
// (a hospital user: its own line only). Collapsed until opened.
import {inUnit} from '../format.js';
import {api, query} from '../api.js';
import {state, panel} from '../page.js';
import {table} from '../table.js';

export async function tierFigures(f) {
  const tf = await api('/api/evaluation/tiers?' + query({period: f.period, set: f.set, hospital: f.hospital}));
  if (!tf.figures.length || !tf.figures[0].cells.length) return;
  const p = panel('各层级指标均值与中位数（' + tf.setName + '；期间 ' + tf.period + '；含无目标的监测指标）', true);
  const note = document.createElement('p');
  note.className = 'muted';
  note.textContent = tf.weighting + '。';
  p.appendChild(note);
  // the unit an indicator's figures read in (rates as %; a count or a level in its own unit, e.g. 人次, 分钟, 级)
  const unitText = (unit) => unit === 'ratio' ? '%' : unit || '';
  // one line per indicator and tier (the tiers, then 全部): narrow enough for a laptop's width; a search for an
  // indicator's name shows its tiers one under another
  const unitOf = Object.fromEntries(tf.figures.map(x => [x.name, x.unit]));
  const columns = [{name: '序号'}, {name: '指标'}, {name: '单位'}, {name: '维度'}, {name: '层级'}, {name: '有值 / 医院数'},
    {name: '均值', f: (v, r) => inUnit(v, unitOf[r[1]])}, {name: '中位数', f: (v, r) => inUnit(v, unitOf[r[1]])}];
  table(p, '各层级指标均值与中位数', columns, tf.figures.flatMap(x => x.cells.map(c => [
    x.nationalNo === null ? '' : x.nationalNo, x.name, unitText(x.unit), x.dimension, c.label,
    c.withValue + ' / ' + c.hospitals, c.mean, c.median])), false);
  if (!tf.hospitals.length) return;
  const own = state.me.role === 'HOSPITAL';
  const label = document.createElement('p');
  label.className = 'muted';
  label.textContent = own ? '本院各指标值（与上表的层级均值、中位数对照）' : '各医院指标值（上表均值与中位数所据）';
  p.appendChild(label);
  table(p, own ? '本院各指标值' : '各医院指标值', [{name: '医院'}, {name: '层级'}]
    .concat(tf.figures.map(x => ({name: x.name + (x.unit && x.unit !== 'ratio' ? '（' + x.unit + '）' : ''),
      f: v => inUnit(v, x.unit)}))),
    tf.hospitals.map(h => [h.hospitalName, h.tierLabel].concat(h.values)), false);
}
