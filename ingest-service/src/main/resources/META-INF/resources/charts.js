// Everything the page draws: the heat map overlay, the score gauge, the counts chart and ROC curves.
import { formatNumber, partLabel, s } from './dom.js';

const BODY_PARTS = ['XR_ELBOW', 'XR_FINGER', 'XR_FOREARM', 'XR_HAND', 'XR_HUMERUS', 'XR_SHOULDER', 'XR_WRIST',
  'UNKNOWN'];

// One colour per body part, the same in every chart (Okabe-Ito, which stays distinct for colour-blind readers).
const PART_COLOURS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#999999'];

export function partColour(bodyPart) {
  const index = BODY_PARTS.indexOf(bodyPart);
  return PART_COLOURS[(index < 0 ? BODY_PARTS.length - 1 : index) % PART_COLOURS.length];
}

// Matplotlib's "inferno" at ten evenly spaced stops; in between is interpolated linearly.
const INFERNO = ['#000004', '#1b0c42', '#4b0c6b', '#781c6d', '#a52c60', '#cf4446', '#ed6925', '#fb9a06', '#f7d03c',
  '#fcffa4'].map((hex) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)));

/** The colour map as a lookup table: 256 entries of [r, g, b]. */
const INFERNO_LUT = Array.from({ length: 256 }, (_, value) => {
  const position = (value / 255) * (INFERNO.length - 1);
  const low = Math.floor(position);
  const high = Math.min(low + 1, INFERNO.length - 1);
  const t = position - low;
  return INFERNO[low].map((channel, i) => Math.round(channel + (INFERNO[high][i] - channel) * t));
});

export function loadImage(src) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the image could not be decoded'));
    image.src = src;
  });
}

/**
 * Draws `base` (the preprocessed image) and over it the grayscale residual heat map through the colour map.
 * Each pixel's alpha grows with its residual (square root, so that moderate residuals still show), so the
 * image stays visible where the model reconstructed it well.
 */
export function drawHeatmapOverlay(canvas, base, heatmap, opacity) {
  const context = canvas.getContext('2d');
  context.imageSmoothingEnabled = false;
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.drawImage(base, 0, 0, canvas.width, canvas.height);

  const layer = document.createElement('canvas');
  layer.width = heatmap.naturalWidth;
  layer.height = heatmap.naturalHeight;
  const layerContext = layer.getContext('2d', { willReadFrequently: true });
  layerContext.drawImage(heatmap, 0, 0);
  const pixels = layerContext.getImageData(0, 0, layer.width, layer.height);
  const data = pixels.data;
  for (let i = 0; i < data.length; i += 4) {
    const value = data[i]; // grayscale: red is the value
    const [r, g, b] = INFERNO_LUT[value];
    data[i] = r;
    data[i + 1] = g;
    data[i + 2] = b;
    data[i + 3] = Math.round(255 * opacity * Math.sqrt(value / 255));
  }
  layerContext.putImageData(pixels, 0, 0);
  context.drawImage(layer, 0, 0, canvas.width, canvas.height);
}

/** The colour bar under the heat map: the colour map from 0 to 1, at full opacity. */
export function drawColourBar(canvas) {
  const context = canvas.getContext('2d');
  for (let x = 0; x < canvas.width; x += 1) {
    const [r, g, b] = INFERNO_LUT[Math.round((x / (canvas.width - 1)) * 255)];
    context.fillStyle = `rgb(${r} ${g} ${b})`;
    context.fillRect(x, 0, 1, canvas.height);
  }
}

/** A horizontal bar: the score's length against a scale that always shows the threshold marker. */
export function drawGauge(svg, score, threshold, anomalous) {
  const left = 12;
  const width = 376;
  const max = Math.max(score, threshold, Number.EPSILON) * 1.25;
  const x = (value) => left + (Math.max(0, value) / max) * width;
  svg.replaceChildren(
    s('title', {}, `Score ${formatNumber(score)} against threshold ${formatNumber(threshold)}`),
    s('rect', { class: 'gauge-track', x: left, y: 18, width, height: 16, rx: 3 }),
    s('rect', { class: anomalous ? 'gauge-fill anomalous' : 'gauge-fill normal', x: left, y: 18,
      width: x(score) - left, height: 16, rx: 3 }),
    s('line', { class: 'gauge-threshold', x1: x(threshold), x2: x(threshold), y1: 12, y2: 40 }),
    s('text', { class: 'gauge-label', x: x(threshold), y: 9, 'text-anchor': 'middle' },
      `threshold ${formatNumber(threshold)}`),
    s('text', { class: 'gauge-axis', x: left, y: 52 }, '0'),
    s('text', { class: 'gauge-axis', x: left + width, y: 52, 'text-anchor': 'end' }, formatNumber(max)),
  );
}

const COUNT_SERIES = [
  { key: 'scored', label: 'scored' },
  { key: 'anomalous', label: 'anomalous' },
  { key: 'alerts', label: 'alerts' },
  { key: 'rejected', label: 'rejected' },
];

/** Grouped bars: per body part, one bar per series of `counts` ({XR_HAND: {scored, anomalous, ...}}). */
export function drawCountsChart(svg, counts) {
  const parts = [...BODY_PARTS, ...Object.keys(counts).filter((part) => !BODY_PARTS.includes(part))];
  const [chartLeft, chartTop, chartWidth, chartHeight] = [40, 28, 670, 150];
  const largest = Math.max(1, ...parts.flatMap((part) => COUNT_SERIES.map(({ key }) => counts[part]?.[key] ?? 0)));
  const top = niceCeiling(largest);
  const y = (value) => chartTop + chartHeight - (value / top) * chartHeight;
  const groupWidth = chartWidth / parts.length;
  const barWidth = (groupWidth * 0.8) / COUNT_SERIES.length;

  const gridLines = [0, top / 2, top].map((value) => s('g', {},
    s('line', { class: 'grid', x1: chartLeft, x2: chartLeft + chartWidth, y1: y(value), y2: y(value) }),
    s('text', { class: 'axis', x: chartLeft - 6, y: y(value) + 4, 'text-anchor': 'end' }, formatNumber(value))));
  const groups = parts.map((part, p) => {
    const groupLeft = chartLeft + p * groupWidth + groupWidth * 0.1;
    return s('g', { dataset: { bodyPart: part } },
      COUNT_SERIES.map(({ key, label }, i) => {
        const value = counts[part]?.[key] ?? 0;
        return s('rect', { class: `bar series-${key}`, x: groupLeft + i * barWidth, y: y(value),
          width: barWidth - 1, height: chartTop + chartHeight - y(value) },
        s('title', {}, `${partLabel(part)}: ${value} ${label}`));
      }),
      s('text', { class: 'axis', x: groupLeft + barWidth * 2, y: chartTop + chartHeight + 16,
        'text-anchor': 'middle' }, partLabel(part)));
  });
  const legend = COUNT_SERIES.map(({ key, label }, i) => s('g', { transform: `translate(${chartLeft + i * 110}, 6)` },
    s('rect', { class: `bar series-${key}`, width: 12, height: 12 }),
    s('text', { class: 'axis', x: 18, y: 11 }, label)));
  svg.replaceChildren(...gridLines, ...groups, ...legend);
}

/** 1, 2 or 5 times a power of ten, at least `value`: round axis ends. */
function niceCeiling(value) {
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= value);
}

/**
 * ROC curves, one per body part ({XR_HAND: {falsePositiveRates, truePositiveRates}}), on the unit square with the
 * chance diagonal. Returns the SVG; the legend (with AUCs) is the caller's.
 */
export function rocChart(curves, title) {
  const [left, top, size] = [46, 10, 220];
  const x = (rate) => left + rate * size;
  const y = (rate) => top + size - rate * size;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return s('svg', { class: 'roc', viewBox: `0 0 ${left + size + 14} ${top + size + 44}`, role: 'img',
    'aria-label': title },
  s('title', {}, title),
  ticks.map((tick) => s('g', {},
    s('line', { class: 'grid', x1: x(tick), x2: x(tick), y1: y(0), y2: y(1) }),
    s('line', { class: 'grid', x1: x(0), x2: x(1), y1: y(tick), y2: y(tick) }),
    s('text', { class: 'axis', x: x(tick), y: y(0) + 14, 'text-anchor': 'middle' }, String(tick)),
    s('text', { class: 'axis', x: x(0) - 5, y: y(tick) + 4, 'text-anchor': 'end' }, String(tick)))),
  s('rect', { class: 'frame-line', x: x(0), y: y(1), width: size, height: size }),
  s('line', { class: 'diagonal', x1: x(0), y1: y(0), x2: x(1), y2: y(1) }),
  Object.entries(curves).map(([part, curve]) => s('polyline', {
    class: 'roc-curve', 'data-testid': 'roc-curve', dataset: { bodyPart: part }, stroke: partColour(part),
    points: curve.falsePositiveRates.map((fpr, i) => `${x(fpr).toFixed(1)},${y(curve.truePositiveRates[i]).toFixed(1)}`)
      .join(' '),
  })),
  s('text', { class: 'axis-title', x: x(0.5), y: y(0) + 32, 'text-anchor': 'middle' }, 'False positive rate'),
  s('text', { class: 'axis-title', transform: `translate(12 ${y(0.5)}) rotate(-90)`, 'text-anchor': 'middle' },
    'True positive rate'));
}

/** Area under a ROC curve by the trapezoid rule, for when the metrics do not carry the AUC. */
export function areaUnder(curve) {
  let area = 0;
  for (let i = 1; i < curve.falsePositiveRates.length; i += 1) {
    area += (curve.falsePositiveRates[i] - curve.falsePositiveRates[i - 1])
      * (curve.truePositiveRates[i] + curve.truePositiveRates[i - 1]) / 2;
  }
  return area;
}
