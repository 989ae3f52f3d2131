// The live feed: counts per body part and recent items from the summary, kept current by the SSE feed.
import { ApiError, apiFetch, getJson } from './api.js';
import { drawCountsChart } from './charts.js';
import { byId, formatNumber, formatTime, h, isAbort, partLabel, shortId, sleep } from './dom.js';
import { readEventStream } from './sse.js';

const MAX_ROWS = 100;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

const state = { counts: {}, items: [], keys: new Set() };
let hooks = {};
let renderQueued = false;

/**
 * Follows the feed until `signal` aborts or the token is refused. Each (re)connection reloads the summary after
 * the stream is open, so nothing between the two is lost; items in both are shown once.
 * `hooks.onScore(item)` sees every score (the models view uses it to notice new versions),
 * `hooks.showImage(imageId)` opens an image from the table.
 */
export async function followFeed(signal, feedHooks) {
  hooks = feedHooks;
  let retryMs = FIRST_RETRY_MS;
  while (!signal.aborted) {
    try {
      setStatus('connecting…', 'connecting');
      const response = await apiFetch('api/v1/dashboard/feed', { signal, headers: { Accept: 'text/event-stream' } });
      resetTo(await getJson('api/v1/dashboard/summary', { signal }));
      setStatus('live', 'live');
      retryMs = FIRST_RETRY_MS;
      await readEventStream(response, {
        onEvent: ({ type, data }) => {
          const item = parse(data);
          if (item) add({ ...item, kind: type });
        },
        onRetry: (ms) => { retryMs = ms; },
      });
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      if (error instanceof ApiError && error.isAuth) {
        setStatus('token refused', 'error');
        return;
      }
      console.warn('feed: connection lost', error);
    }
    const waitMs = retryMs * (0.75 + Math.random() / 2); // jitter: replicas restarting do not get every tab at once
    setStatus(`disconnected, retrying in ${Math.round(waitMs / 1000)} s`, 'error');
    try {
      await sleep(waitMs, signal);
    } catch {
      return;
    }
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  }
}

function resetTo(summary) {
  state.counts = summary.countsByBodyPart ?? {};
  state.items = [];
  state.keys.clear();
  for (const item of (summary.recent ?? []).slice(0, MAX_ROWS)) {
    state.keys.add(keyOf(item));
    state.items.push(item);
  }
  queueRender();
}

/** A live item: shown first, counted once. */
function add(item) {
  const key = keyOf(item);
  if (state.keys.has(key)) return;
  state.keys.add(key);
  state.items.unshift(item);
  for (const dropped of state.items.splice(MAX_ROWS)) state.keys.delete(keyOf(dropped));
  count(item);
  if (item.kind === 'score') hooks.onScore?.(item);
  queueRender();
}

function count(item) {
  const counts = (state.counts[item.bodyPart ?? 'UNKNOWN'] ??= { scored: 0, anomalous: 0, alerts: 0, rejected: 0 });
  if (item.kind === 'score') {
    counts.scored += 1;
    if (item.anomalous) counts.anomalous += 1;
  } else if (item.kind === 'alert' && (item.revision ?? 1) === 1) {
    counts.alerts += 1; // later revisions update an alert already counted
  } else if (item.kind === 'rejection') {
    counts.rejected += 1;
  }
}

/** A feed item, or null (logged) for data that is not a JSON object: one bad event must not drop the stream. */
function parse(data) {
  try {
    const item = JSON.parse(data);
    if (item && typeof item === 'object') return item;
  } catch {
    // reported below
  }
  console.warn('feed: ignoring an event whose data is not a JSON object', data);
  return null;
}

function keyOf(item) {
  return [item.kind, item.imageId ?? item.alertId, item.modelVersion, item.revision, item.reason, item.at].join('|');
}

function queueRender() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    drawCountsChart(byId('feed-chart'), state.counts);
    const rows = state.items.length ? state.items.map(row)
      : [h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'Nothing yet: items appear here as they happen.'))];
    byId('feed-table').tBodies[0].replaceChildren(...rows);
  });
}

function row(item) {
  const opensImage = item.imageId && item.imageId !== 'unknown' && item.kind !== 'alert';
  const id = item.kind === 'alert' ? item.studyId : item.imageId;
  return h('tr', { dataset: { kind: item.kind, imageId: item.imageId, studyId: item.studyId } },
    h('td', {}, formatTime(item.at)),
    h('td', {}, h('span', { class: `badge ${item.kind}` }, item.kind)),
    h('td', {}, partLabel(item.bodyPart)),
    h('td', { title: `study ${item.studyId ?? '–'}, image ${item.imageId ?? '–'}` },
      opensImage
        ? h('button', { type: 'button', class: 'link', onclick: () => hooks.showImage(item.imageId) }, shortId(id))
        : shortId(id)),
    h('td', { class: 'number' }, scoreCell(item)),
    h('td', {}, stateCell(item)));
}

function scoreCell(item) {
  if (item.kind === 'score') return `${formatNumber(item.score)} / ${formatNumber(item.threshold)}`;
  if (item.kind === 'alert') return `${formatNumber(item.studyScore)} / ${formatNumber(item.threshold)}`;
  return '';
}

function stateCell(item) {
  if (item.kind === 'score') {
    return h('span', { class: item.anomalous ? 'state anomalous' : 'state normal' },
      item.anomalous ? 'anomalous' : 'normal');
  }
  if (item.kind === 'alert') return h('span', { class: 'state alert' }, `study alert, revision ${item.revision ?? 1}`);
  return h('span', { class: 'state rejected', title: item.message ?? '' }, `${item.reason} (${item.topic ?? '?'})`);
}

function setStatus(text, kind) {
  const status = byId('feed-status');
  status.textContent = text;
  status.dataset.kind = kind;
}
