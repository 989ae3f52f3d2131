// Model versions seen on xray.models: which is current per model name, metrics and validation ROC curves.
import { getJson } from './api.js';
import { areaUnder, partColour, rocChart } from './charts.js';
import { byId, formatNumber, formatTime, h, isAbort, partLabel } from './dom.js';

const known = new Set(); // "name@version" shown now
const askedFor = new Set(); // versions that triggered a reload already, so an unlisted one cannot cause a loop
let loading; // {signal, promise} of the load in flight, which a second call with the same signal shares

export function initModels(signalSource) {
  byId('models-refresh').addEventListener('click', () => loadModels(signalSource()));
}

export function loadModels(signal) {
  if (loading?.signal !== signal) {
    const promise = load(signal).finally(() => {
      if (loading?.promise === promise) loading = undefined;
    });
    loading = { signal, promise };
  }
  return loading.promise;
}

/** A score from a version this page does not list means a new version was published: reload, once per version. */
export function noticeVersion(name, version, signal) {
  const key = `${name}@${version}`;
  if (known.has(key) || askedFor.has(key)) return;
  askedFor.add(key);
  loadModels(signal);
}

async function load(signal) {
  const message = byId('models-message');
  message.textContent = 'Loading…';
  try {
    const versions = await getJson('api/v1/dashboard/models', { signal });
    known.clear();
    versions.forEach(({ name, version }) => known.add(`${name}@${version}`));
    byId('models-list').replaceChildren(...groupByName(versions).map(([name, ofName]) => modelCard(name, ofName)));
    message.textContent = versions.length ? '' : 'No model version has been published yet: train one with the trainer.';
  } catch (error) {
    if (!isAbort(error)) message.textContent = `Could not load the models: ${error.message}`;
  }
}

/** [[name, versions newest first]], in the order the names first appear (the list comes newest first). */
function groupByName(versions) {
  const groups = new Map();
  for (const version of versions) {
    if (!groups.has(version.name)) groups.set(version.name, []);
    groups.get(version.name).push(version);
  }
  return [...groups];
}

function modelCard(name, versions) {
  const current = versions.find(({ status }) => status === 'CURRENT');
  return h('article', { class: 'model', dataset: { modelName: name } },
    h('h3', {}, name, ' ',
      h('span', { class: 'muted' }, current ? `current version ${current.version}` : 'no current version')),
    versions.map(versionDetails));
}

function versionDetails(version) {
  const { status = 'UNKNOWN' } = version;
  return h('details', {
    class: 'model-version', 'data-testid': 'model-version', dataset: { version: version.version, status },
    // The versions that serve or may serve are open; history is one click away.
    open: status === 'CURRENT' || status === 'CHALLENGER',
  },
  h('summary', {},
    h('span', { class: `badge status-${status.toLowerCase()}` }, status), ' ',
    h('code', {}, version.version), ' ',
    h('span', { class: 'muted' }, `${version.algorithm ?? '?'} · ${sizeText(version.imageSize)} · published `
      + `${formatTime(version.publishedAt, true)} · created ${formatTime(version.createdAt, true)}`)),
  h('div', { class: 'model-body' }, metricsTable(version), rocFigure(version)));
}

function sizeText(imageSize) {
  return typeof imageSize === 'number' ? `${imageSize}×${imageSize} px` : JSON.stringify(imageSize ?? '?');
}

/** One row per body part (metric keys "XR_HAND.rocAuc"; keys without a part go to "all"), thresholds first. */
function metricsTable({ thresholds = {}, metrics = {} }) {
  const rows = new Map(Object.keys(thresholds).map((part) => [part, {}]));
  const columns = new Set();
  for (const [key, value] of Object.entries(metrics)) {
    const dot = key.indexOf('.');
    const [part, metric] = dot < 0 ? ['all', key] : [key.slice(0, dot), key.slice(dot + 1)];
    if (!rows.has(part)) rows.set(part, {});
    rows.get(part)[metric] = value;
    columns.add(metric);
  }
  const metricNames = [...columns].sort();
  return h('table', { class: 'metrics' },
    h('caption', {}, 'Thresholds and validation metrics'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Body part'), h('th', { scope: 'col' }, 'threshold'),
      metricNames.map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, [...rows].map(([part, values]) => h('tr', {},
      h('th', { scope: 'row' }, part === 'all' ? 'all' : partLabel(part)),
      h('td', { class: 'number' }, formatNumber(thresholds[part], 4)),
      metricNames.map((name) => h('td', { class: 'number' }, formatNumber(values[name])))))));
}

function rocFigure({ name, version, rocCurves = {}, metrics = {} }) {
  const parts = Object.keys(rocCurves);
  if (!parts.length) return h('p', { class: 'muted' }, 'This version carries no ROC curve.');
  return h('figure', { class: 'roc-figure' },
    rocChart(rocCurves, `Validation ROC curves of ${name} ${version}`),
    h('figcaption', {}, h('ul', { class: 'legend' }, parts.map((part) => h('li', {},
      h('span', { class: 'swatch', style: `background:${partColour(part)}` }),
      `${partLabel(part)} AUC ${formatNumber(metrics[`${part}.rocAuc`] ?? areaUnder(rocCurves[part]))}`)))));
}
