// Upload an image, follow it through the pipeline (uploaded -> preprocessed -> scored, or rejected) and show what
// the model made of it.
import { ApiError, apiFetch, getJson } from './api.js';
import { drawColourBar, drawGauge, drawHeatmapOverlay, loadImage } from './charts.js';
import { byId, formatNumber, formatTime, isAbort, sleep } from './dom.js';

const POLL_INTERVAL_MS = 1000;
// Generous: the first image after a model is published can wait for the scorer to load it.
const RESULT_TIMEOUT_MS = 180_000;
// The alert travels on its own topic and may be seen a moment after the score.
const ALERT_GRACE_MS = 20_000;

let following; // AbortController of the image being followed; a new upload replaces it
let originalUrl; // object URL of the shown original, revoked when replaced
let shown = {}; // what is on screen (images as base64, ids), so that a poll that changed nothing redraws nothing

export function initUpload() {
  drawColourBar(byId('heatmap-legend'));
  byId('upload-form').addEventListener('submit', (event) => {
    event.preventDefault();
    upload(byId('upload-file').files[0]);
  });
  byId('heatmap-opacity').addEventListener('input', () => redrawHeatmap());
}

async function upload(file) {
  if (!file) return;
  const signal = startFollowing('Loading the original…');
  setStages({ uploaded: 'active' });
  say(`Uploading ${file.name}…`);
  showOriginal(file, signal);
  const accepted = await send(file, signal);
  if (!accepted) return;
  setStages({ uploaded: 'done', preprocessed: 'active' });
  showIds(accepted);
  say(accepted.duplicate ? 'This image was accepted before; following its result…'
    : 'Uploaded; waiting for the pipeline…');
  follow(accepted.imageId, signal).catch(() => {}); // follow() reports its own failures
}

/** POSTs the file with the form's fields: the 202 answer, or null when it was refused (said so) or aborted. */
async function send(file, signal) {
  const button = byId('upload-button');
  button.disabled = true; // while sending only: following an image does not stop the next upload
  try {
    const form = new FormData();
    form.append('file', file);
    for (const field of ['bodyPart', 'studyId']) {
      const value = byId('upload-form').elements[field].value.trim();
      if (value) form.append(field, value);
    }
    return await (await apiFetch('api/v1/images', { method: 'POST', body: form, signal })).json();
  } catch (error) {
    if (!isAbort(error)) {
      setStages({ uploaded: 'failed' });
      say(error instanceof ApiError ? `Not accepted: ${error.message}` : `Upload failed: ${error.message}`, 'error');
    }
    return null;
  } finally {
    button.disabled = false;
  }
}

/** Shows an image that was uploaded elsewhere (picked from the live feed); its original is not in this browser. */
export function showImage(imageId) {
  const signal = startFollowing('The original stays in the browser that uploaded it');
  setStages({ uploaded: 'done' });
  showIds({ imageId });
  say('Loading…');
  byId('upload').scrollIntoView({ behavior: 'smooth' });
  follow(imageId, signal).catch(() => {}); // follow() reports its own failures
}

/** Stops following the previous image and clears its result; `originalText` stands in for the original. */
function startFollowing(originalText) {
  following?.abort();
  following = new AbortController();
  shown = {};
  byId('result-stage').hidden = false;
  byId('result').hidden = false;
  byId('result-verdict').hidden = true;
  setOriginal(null, originalText);
  for (const id of ['result-preprocessed', 'result-reconstruction']) byId(id).removeAttribute('src');
  byId('result-heatmap').removeAttribute('data-drawn');
  byId('result-ids').textContent = '';
  return following.signal;
}

/** Polls the image's view until it is scored (and its alert seen, if it is anomalous) or rejected. */
async function follow(imageId, signal) {
  const path = `api/v1/dashboard/images/${encodeURIComponent(imageId)}`;
  const deadline = Date.now() + RESULT_TIMEOUT_MS;
  let alertDeadline;
  for (;;) {
    try {
      const view = await getJson(path, { signal, accept: [404] });
      if (view) {
        await render(view);
        if (view.stage === 'REJECTED' || (view.stage === 'SCORED' && (view.alert || !view.score?.anomalous))) return;
        if (view.stage === 'SCORED') {
          alertDeadline ??= Date.now() + ALERT_GRACE_MS;
          if (Date.now() > alertDeadline) return showAlert(view, 'expired');
        }
      }
    } catch (error) {
      if (isAbort(error) || (error instanceof ApiError && error.isAuth)) throw error;
      say(`Could not read the result, trying again: ${error.message}`, 'error'); // the next poll may well work
    }
    if (Date.now() > deadline) {
      say(`No result after ${RESULT_TIMEOUT_MS / 1000} s. The pipeline may be busy or stopped; the live feed below `
        + 'shows it when it comes.', 'error');
      return;
    }
    await sleep(POLL_INTERVAL_MS, signal);
  }
}

async function render(view) {
  const { stage, preprocessed, score, rejection } = view;
  const scored = stage === 'SCORED';
  if (stage === 'REJECTED') {
    // Preprocess refuses before there is a preprocessed image, the scorer after.
    setStages(preprocessed ? { uploaded: 'done', preprocessed: 'done', scored: 'failed' }
      : { uploaded: 'done', preprocessed: 'failed' });
    say(`Rejected (${rejection?.reason ?? 'unknown reason'})${rejection?.message ? `: ${rejection.message}` : ''}`,
      'error');
  } else {
    setStages({ uploaded: 'done', preprocessed: 'done', scored: scored ? 'done' : 'active' });
    say(scored ? `Scored by ${score.modelName} ${score.modelVersion}` : 'Preprocessed; waiting for the score…');
  }
  showIds({ imageId: view.imageId, studyId: view.studyId, bodyPart: view.bodyPart });
  setImage('result-preprocessed', preprocessed?.png);
  setImage('result-reconstruction', score?.reconstructionPng);
  if (preprocessed?.png !== shown.heatmapBase || score?.heatmapPng !== shown.heatmap) {
    shown.heatmapBase = preprocessed?.png;
    shown.heatmap = score?.heatmapPng;
    await redrawHeatmap();
  }
  if (score) showScore(score);
  showAlert(view, 'waiting');
}

function showScore(score) {
  byId('result-verdict').hidden = false;
  for (const [id, value] of [['result-score', score.score], ['result-threshold', score.threshold]]) {
    byId(id).textContent = formatNumber(value, 4);
    byId(id).dataset.value = value; // unrounded, for scripts and tests
  }
  drawGauge(byId('result-gauge'), score.score, score.threshold, score.anomalous);
  byId('result-details').textContent = [
    `${score.anomalous ? 'Above' : 'Below'} threshold`,
    `image residual ${formatNumber(score.imageResidual)}, feature residual ${formatNumber(score.featureResidual)}`,
    `study score ${formatNumber(score.studyScore)} over ${score.studyImageCount} image(s)`,
    `${score.latencyMillis} ms from intake to score`,
  ].join(' · ');
}

/** The alert state; `noAlertYet` says what to show for an anomalous score without an alert: waiting or expired. */
function showAlert({ score, alert }, noAlertYet) {
  const element = byId('result-alert');
  if (alert) {
    element.dataset.state = 'raised';
    element.textContent = `ALERT raised ${formatTime(alert.raisedAt)}: study score ${formatNumber(alert.studyScore)} `
      + `over threshold ${formatNumber(alert.threshold)} (revision ${alert.revision})`;
  } else if (!score) {
    element.dataset.state = 'pending';
    element.textContent = 'Not scored yet';
  } else if (!score.anomalous) {
    element.dataset.state = 'none';
    element.textContent = 'No alert: the score is below the threshold';
  } else {
    element.dataset.state = noAlertYet === 'expired' ? 'missing' : 'pending';
    element.textContent = noAlertYet === 'expired'
      ? 'Anomalous, but no alert was seen for this study'
      : 'Anomalous: waiting for the study alert…';
  }
}

async function redrawHeatmap() {
  const canvas = byId('result-heatmap');
  const context = canvas.getContext('2d');
  if (!shown.heatmapBase || !shown.heatmap) {
    context.clearRect(0, 0, canvas.width, canvas.height);
    canvas.removeAttribute('data-drawn');
    return;
  }
  const [base, heatmap] = await Promise.all([loadImage(pngUrl(shown.heatmapBase)), loadImage(pngUrl(shown.heatmap))]);
  drawHeatmapOverlay(canvas, base, heatmap, Number(byId('heatmap-opacity').value));
  canvas.dataset.drawn = 'true'; // lets tests and scripts know the overlay is on the canvas
}

function setImage(id, base64) {
  const image = byId(id);
  if (!base64) image.removeAttribute('src');
  else if (shown[id] !== base64) image.src = pngUrl(base64);
  shown[id] = base64;
}

const pngUrl = (base64) => `data:image/png;base64,${base64}`;

/** PNG and JPEG the browser shows itself; DICOM it cannot, so the server renders a preview. */
async function showOriginal(file, signal) {
  try {
    const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
    const browserCanShow = (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) // PNG
      || (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff); // JPEG
    const image = browserCanShow ? file : await (await apiFetch('api/v1/dashboard/previews', {
      method: 'POST', body: file, signal, headers: { 'Content-Type': 'application/octet-stream' },
    })).blob();
    if (!signal.aborted) setOriginal(image);
  } catch (error) {
    if (!isAbort(error)) setOriginal(null, `No preview: ${error.message}`);
  }
}

function setOriginal(blob, missingText) {
  const image = byId('result-original');
  if (originalUrl) URL.revokeObjectURL(originalUrl);
  originalUrl = blob ? URL.createObjectURL(blob) : undefined;
  if (originalUrl) image.src = originalUrl;
  else image.removeAttribute('src');
  image.parentElement.dataset.empty = missingText ?? '';
}

/** The image's ids as far as known; the upload's answer knows the format, the image's view does not. */
function showIds(ids) {
  shown.ids = { ...shown.ids, ...ids };
  const { imageId, studyId, bodyPart, format } = shown.ids;
  byId('result').dataset.imageId = imageId;
  byId('result-ids').textContent = [
    `image ${imageId}`, studyId && `study ${studyId}`, bodyPart && bodyPart, format && format,
  ].filter(Boolean).join(' · ');
}

/** Marks each pipeline step: pending, active, done or failed. */
function setStages(states) {
  for (const step of byId('result-stage').children) {
    step.dataset.state = states[step.dataset.stage] ?? 'pending';
  }
}

function say(text, kind = 'info') {
  const message = byId('result-message');
  message.textContent = text;
  message.dataset.kind = kind;
}
