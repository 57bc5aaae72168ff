// How values read on the pages: numbers with separators, rates as %, text escaped for a tooltip.

export const fmt = (v, d = 2) => v === null || v === undefined ? '—' : Number(v).toLocaleString('zh-CN', {minimumFractionDigits: d, maximumFractionDigits: d});

export const pct = (v) => v === null || v === undefined ? '—' : (100 * v).toFixed(1) + '%';

// An indicator's value in its unit: rates (ratio) as %, a whole level (级, e.g. 电子病历系统应用水平 6) without decimals.
export const inUnit = (v, unit) => v === null || v === undefined ? '—' : unit === 'ratio' ? pct(v)
  : fmt(v, unit === '级' && Number.isInteger(v) ? 0 : 2);

// A value from the data as HTML text. Pages put data into the DOM with textContent; the one place that builds
// markup from data is a chart tooltip's formatter (ECharts shows its result as HTML), and it escapes with this.
export const esc = (v) => String(v === null || v === undefined ? '' : v)
  .replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
