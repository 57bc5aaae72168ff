// Charts (Apache ECharts, the global echarts of its script) and click-to-drill.
import {state} from './page.js';

export function chart(p, option, height) {
  const el = document.createElement('div');
  el.className = 'chart';
  if (height) el.style.height = height + 'px';
  p.appendChild(el);
  const c = echarts.init(el);
  const o = Object.assign({animation: false, tooltip: {trigger: 'axis'}, grid: {left: 60, right: 20, top: 40, bottom: 60}}, option);
  // a value axis's name goes under the axis, centred (at its end it is cut off by the chart's right edge)
  if (o.xAxis && !Array.isArray(o.xAxis) && o.xAxis.type === 'value' && o.xAxis.name && !o.xAxis.nameLocation) {
    o.xAxis = Object.assign({nameLocation: 'middle', nameGap: 28}, o.xAxis);
    o.grid = Object.assign({}, o.grid, {bottom: Math.max(o.grid.bottom || 0, 50)});
  }
  c.setOption(o);
  state.charts.push(c);
  return c;
}

// click-to-drill: a click on a bar or point of the chart calls to(index of the data item, the click)
export function drill(c, to) {
  c.getZr().setCursorStyle('pointer');
  c.on('click', (x) => to(x.dataIndex, x));
}
