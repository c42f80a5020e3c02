// Client side of the Chart component (org.energylab.chart.Chart): draws a Chart.js chart inside the
// component's element, appends streamed points, and exports PNG files.
import { Chart, registerables } from 'chart.js';
import { applyTheme } from './chart-theme';
import { whenIdle } from '../idle';

Chart.register(...registerables);

type Point = { x: number; y: number | null };
type ChartHost = HTMLElement & { $chart?: Chart; $heatmap?: HeatMap };
type HeatMap = { x: number[]; y: number[]; values: (number | null)[][]; min: number; max: number; title: string };

// Viridis at nine stops: perceptually uniform and readable by colour-blind learners.
const VIRIDIS = [
  [68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141],
  [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37],
];

function colour(t: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const position = clamped * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(position));
  const f = position - i;
  const c = VIRIDIS[i].map((v, k) => Math.round(v + f * (VIRIDIS[i + 1][k] - v)));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/** Cell edges halfway between sorted centres, extended by half a step at both ends. */
function edges(centres: number[]): number[] {
  const n = centres.length;
  if (n === 1) {
    return [centres[0] - 0.5, centres[0] + 0.5];
  }
  const out = [centres[0] - (centres[1] - centres[0]) / 2];
  for (let i = 1; i < n; i++) {
    out.push((centres[i - 1] + centres[i]) / 2);
  }
  out.push(centres[n - 1] + (centres[n - 1] - centres[n - 2]) / 2);
  return out;
}

function format(value: number): string {
  const a = Math.abs(value);
  return a !== 0 && (a < 1e-2 || a >= 1e4) ? value.toExponential(1) : String(Number(value.toPrecision(3)));
}

/** Draws a grid under the data sets and a colour bar to the right of the plot area. */
function heatMapPlugin(map: HeatMap) {
  const xEdges = edges(map.x);
  const yEdges = edges(map.y);
  const span = map.max - map.min || 1;
  return {
    id: 'energylabHeatMap',
    beforeDatasetsDraw(chart: Chart) {
      const { ctx, chartArea, scales } = chart;
      const xScale = scales.x;
      const yScale = scales.y;
      ctx.save();
      ctx.beginPath();
      ctx.rect(chartArea.left, chartArea.top, chartArea.width, chartArea.height);
      ctx.clip();
      for (let i = 0; i < map.y.length; i++) {
        const top = yScale.getPixelForValue(yEdges[i + 1]);
        const bottom = yScale.getPixelForValue(yEdges[i]);
        for (let j = 0; j < map.x.length; j++) {
          const value = map.values[i][j];
          if (value === null) {
            continue;
          }
          const left = xScale.getPixelForValue(xEdges[j]);
          const right = xScale.getPixelForValue(xEdges[j + 1]);
          ctx.fillStyle = colour((value - map.min) / span);
          // Half a pixel of overlap hides the seams between cells.
          ctx.fillRect(left, Math.min(top, bottom), right - left + 0.5, Math.abs(bottom - top) + 0.5);
        }
      }
      ctx.restore();
    },
    afterDraw(chart: Chart) {
      const { ctx, chartArea } = chart;
      const x = chartArea.right + 12;
      const width = 12;
      const gradient = ctx.createLinearGradient(0, chartArea.bottom, 0, chartArea.top);
      VIRIDIS.forEach((_, k) => gradient.addColorStop(k / (VIRIDIS.length - 1), colour(k / (VIRIDIS.length - 1))));
      ctx.save();
      ctx.fillStyle = gradient;
      ctx.fillRect(x, chartArea.top, width, chartArea.height);
      ctx.strokeStyle = '#64748b';
      ctx.strokeRect(x, chartArea.top, width, chartArea.height);
      ctx.fillStyle = String(chart.options.color ?? '#334155');
      // The bar's numbers and title follow the display's chart type (10px and 11px in the standard one).
      const style = getComputedStyle(chart.canvas);
      const size = Number.parseFloat(style.getPropertyValue('--energylab-chart-font-size')) || 12;
      const family = style.getPropertyValue('--lumo-font-family').trim() || 'sans-serif';
      ctx.font = `${size - 2}px ${family}`;
      ctx.textBaseline = 'middle';
      const labels = [format(map.max), format((map.min + map.max) / 2), format(map.min)];
      ctx.fillText(labels[0], x + width + 3, chartArea.top);
      ctx.fillText(labels[1], x + width + 3, (chartArea.top + chartArea.bottom) / 2);
      ctx.fillText(labels[2], x + width + 3, chartArea.bottom);
      const widest = Math.max(...labels.map((label) => ctx.measureText(label).width));
      ctx.translate(x + width + 3 + widest + size, (chartArea.top + chartArea.bottom) / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.textAlign = 'center';
      ctx.font = `${size - 1}px ${family}`;
      ctx.fillText(map.title, 0, 0);
      ctx.restore();
    },
  };
}

// Colour-blind-safe defaults for text and grid, matching the Lumo theme.
// The theme's own family is set per chart from --lumo-font-family (a canvas cannot read var()).
Chart.defaults.font.family = 'system-ui, sans-serif';
Chart.defaults.color = '#334155';

function draw(host: ChartHost, canvas: HTMLCanvasElement, configJson: string) {
  const config = JSON.parse(configJson);
  // The grid travels outside Chart.js's option resolution, which is slow on large arrays.
  const map: HeatMap | undefined = config.options?.plugins?.heatmap;
  if (map) {
    delete config.options.plugins.heatmap;
    config.plugins = [heatMapPlugin(map)];
  }
  // Logarithmic axes: label the powers of ten only, as 10^k, instead of long decimals.
  for (const scale of Object.values(config.options?.scales ?? {}) as any[]) {
    if (scale.type === 'logarithmic') {
      scale.ticks = {
        ...(scale.ticks ?? {}),
        callback: (value: number) => {
          const exponent = Math.log10(value);
          return Math.abs(exponent - Math.round(exponent)) < 1e-9 ? `1e${Math.round(exponent)}` : '';
        },
      };
    }
  }
  config.options = config.options ?? {};
  applyTheme(host, config.options, config.data?.datasets ?? []);
  drawn.get(host)?.destroy();
  drawn.set(host, new Chart(canvas, config));
  host.dataset.heatmap = map ? 'true' : 'false';
  host.$heatmap = map;
}

// A lesson page arrives with several charts, most of them below the fold. Drawing them as the page
// arrived kept the browser busy, delaying everything after it (the page's first exchanges with the
// server among them). Each chart is drawn in a task of its own instead, when the browser has nothing
// else to do (within a second at the latest); whoever reads a chart's $chart before then gets it
// drawn on the spot.
const drawn = new WeakMap<HTMLElement, Chart>();
const waiting = new Map<HTMLElement, () => void>();
let scheduled = false;

function drawNext() {
  scheduled = false;
  const next = waiting.entries().next();
  if (next.done) {
    return;
  }
  const [host, draw] = next.value;
  waiting.delete(host);
  draw();
  if (waiting.size > 0) {
    scheduled = true;
    whenIdle(drawNext);
  }
}

function settle(host: HTMLElement) {
  const draw = waiting.get(host);
  if (draw) {
    waiting.delete(host);
    draw();
  }
}

function exposeChart(host: ChartHost) {
  if (!Object.getOwnPropertyDescriptor(host, '$chart')) {
    Object.defineProperty(host, '$chart', {
      configurable: true,
      get() {
        settle(host);
        return drawn.get(host);
      },
    });
  }
}

const connector = {
  render(host: ChartHost, configJson: string) {
    exposeChart(host);
    let canvas = host.querySelector('canvas');
    if (!canvas) {
      canvas = document.createElement('canvas');
      host.appendChild(canvas);
    }
    const target = canvas;
    waiting.delete(host);
    waiting.set(host, () => draw(host, target, configJson));
    if (!scheduled) {
      scheduled = true;
      whenIdle(drawNext);
    }
  },

  append(host: ChartHost, batchJson: string) {
    const chart = host.$chart;
    if (!chart) {
      return;
    }
    const batch: [number, Point[]][] = JSON.parse(batchJson);
    for (const [index, points] of batch) {
      const dataset = chart.data.datasets[index];
      if (dataset) {
        (dataset.data as Point[]).push(...points);
      }
    }
    chart.update('none');
  },

  downloadPng(host: ChartHost, fileName: string) {
    const chart = host.$chart;
    if (!chart) {
      return;
    }
    // Draw on white: a transparent PNG is unreadable in most viewers' dark mode.
    const source = chart.canvas;
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, copy.width, copy.height);
    context.drawImage(source, 0, 0);
    const link = document.createElement('a');
    link.href = copy.toDataURL('image/png');
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
  },
};

const w = window as any;
w.Vaadin = w.Vaadin || {};
w.Vaadin.Flow = w.Vaadin.Flow || {};
w.Vaadin.Flow.energylabChart = connector;
