// Colours, type and motion of the charts, taken from the page: the theme's CSS custom properties give
// the text size and the text, grid and series colours (the projector display sets larger type and
// lighter colours on a dark ground), and a learner who asks the system for reduced motion gets no
// chart animation at all.
import { Chart } from 'chart.js';
import { drawPoint } from 'chart.js/helpers';

type Host = HTMLElement & { $chart?: Chart };

const LIGHT_TEXT = '#334155';
const LIGHT_GRID = 'rgba(0, 0, 0, 0.1)';
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

function read(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

/** A series colour as the theme shows it: #2563eb, or #2563eb40 with its alpha, maps to --energylab-chart-series-2563eb. */
function seriesColour(style: CSSStyleDeclaration, colour: unknown): unknown {
  if (typeof colour !== 'string') {
    return colour;
  }
  const match = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(colour);
  if (!match) {
    return colour;
  }
  const mapped = read(style, `--energylab-chart-series-${match[1].toLowerCase()}`, '');
  return mapped ? mapped + (match[2] ?? '') : colour;
}

/**
 * The legend draws a line series as a short stretch of its own line, dash pattern included. Chart.js
 * takes a legend entry's stroke from the series' first point, and our lines have points without a
 * border, so the entry would be drawn with no line at all. A series of markers gets its marker at
 * its own proportions: the legend's entries are wide enough for a dash pattern, and Chart.js would
 * stretch a circle or a triangle to that width.
 */
function legendLabels(chart: Chart) {
  const labels = (Chart.defaults.plugins.legend.labels as any).generateLabels(chart);
  for (const label of labels) {
    const dataset: any = chart.data.datasets[label.datasetIndex];
    if (dataset && dataset.pointStyle === 'line') {
      label.lineWidth = Math.max(2, Number(dataset.borderWidth) || 0);
      label.lineDash = dataset.borderDash ?? [];
      label.strokeStyle = dataset.borderColor;
    } else if (dataset && typeof dataset.pointStyle === 'string') {
      label.pointStyle = marker(dataset);
    }
  }
  return labels;
}

/** A small canvas with one marker of the series, which the legend draws at its own size. */
function marker(dataset: any): HTMLCanvasElement {
  const radius = 5;
  const side = 2 * radius + 4;
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const context = canvas.getContext('2d');
  if (context) {
    context.fillStyle = dataset.pointBackgroundColor ?? dataset.backgroundColor ?? dataset.borderColor;
    context.strokeStyle = dataset.pointBorderColor ?? dataset.borderColor ?? context.fillStyle;
    context.lineWidth = 1;
    drawPoint(context, { pointStyle: dataset.pointStyle, radius, rotation: 0, borderWidth: 1 }, side / 2, side / 2);
  }
  return canvas;
}

/**
 * Sets the theme's colours (and, under reduced motion, no animation) on a Chart.js configuration or
 * on a live chart's options and data sets. The data sets keep the colour the server gave them, so
 * that switching the display back and forth always starts from it.
 */
export function applyTheme(host: HTMLElement, options: any, datasets: any[]) {
  const style = getComputedStyle(host);
  const text = read(style, '--energylab-chart-text', LIGHT_TEXT);
  const grid = read(style, '--energylab-chart-grid', LIGHT_GRID);
  const size = Number.parseFloat(read(style, '--energylab-chart-font-size', '12')) || 12;
  // A canvas takes a font list, not var(): with var() in it the canvas ignores the whole font and
  // draws every label at its own 10px, whatever size the display asks for.
  const family = read(style, '--lumo-font-family', 'system-ui, sans-serif');
  const font = { size, family };
  options.color = text;
  options.plugins = options.plugins ?? {};
  for (const name of ['title', 'legend']) {
    const plugin = (options.plugins[name] = options.plugins[name] ?? {});
    if (name === 'title') {
      plugin.color = text;
      plugin.font = { size: size + 1, weight: 'bold', family };
    } else {
      plugin.labels = { ...(plugin.labels ?? {}), color: text, font, generateLabels: legendLabels };
    }
  }
  // A heat map keeps room on its right for the colour bar, as much more as its type is larger.
  const padding = options.layout?.padding;
  if (padding && typeof padding.right === 'number') {
    options.energylabPaddingRight = options.energylabPaddingRight ?? padding.right;
    padding.right = Math.round((options.energylabPaddingRight * size) / 12);
  }
  for (const scale of Object.values(options.scales ?? {}) as any[]) {
    scale.ticks = { ...(scale.ticks ?? {}), color: text, font };
    scale.title = { ...(scale.title ?? {}), color: text, font };
    scale.grid = { ...(scale.grid ?? {}), color: grid };
    scale.border = { ...(scale.border ?? {}), color: grid };
  }
  for (const dataset of datasets) {
    dataset.energylabColours = dataset.energylabColours ?? {
      border: dataset.borderColor,
      background: dataset.backgroundColor,
    };
    dataset.borderColor = seriesColour(style, dataset.energylabColours.border);
    dataset.backgroundColor = seriesColour(style, dataset.energylabColours.background);
  }
  if (reducedMotion.matches) {
    options.animation = false;
    options.plugins.tooltip = { ...(options.plugins.tooltip ?? {}), animation: false };
    options.transitions = { active: { animation: { duration: 0 } }, resize: { animation: { duration: 0 } } };
  }
}

function restyleAll() {
  document.querySelectorAll<Host>('.chart-canvas').forEach((host) => {
    const chart = host.$chart;
    if (chart) {
      // The configuration as given (not the resolved options): update() resolves it again.
      applyTheme(host, (chart.config as any).options, chart.data.datasets);
      chart.update('none');
    }
  });
}

// The display is switched by the theme attribute of <html>; the charts follow at once.
new MutationObserver(restyleAll).observe(document.documentElement, { attributes: true, attributeFilter: ['theme'] });
reducedMotion.addEventListener('change', restyleAll);
