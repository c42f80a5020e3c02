// Client side of the Chart component (org.energylab.chart.Chart): draws a Chart.js chart inside the
// component's element, appends streamed points, and exports PNG files.
import { Chart, registerables } from 'chart.js';

Chart.register(...registerables);

type Point = { x: number; y: number | null };
type ChartHost = HTMLElement & { $chart?: Chart };

// Colour-blind-safe defaults for text and grid, matching the Lumo theme.
Chart.defaults.font.family = 'var(--lumo-font-family), system-ui, sans-serif';
Chart.defaults.color = '#334155';

const connector = {
  render(host: ChartHost, configJson: string) {
    const config = JSON.parse(configJson);
    host.$chart?.destroy();
    let canvas = host.querySelector('canvas');
    if (!canvas) {
      canvas = document.createElement('canvas');
      host.appendChild(canvas);
    }
    host.$chart = new Chart(canvas, config);
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
