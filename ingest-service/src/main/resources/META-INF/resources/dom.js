// Small DOM helpers. Text from the server always goes in as text nodes, never as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an HTML element: h('td', {class: 'x', dataset: {id: '1'}}, 'text', childNode). */
export function h(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/** Creates an SVG element, like h(). */
export function s(tag, attributes = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attributes, children);
}

function fill(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.flat().filter((child) => child !== undefined && child !== null && child !== false)
    .map((child) => (child instanceof Node ? child : String(child))));
  return element;
}

export const byId = (id) => document.getElementById(id);

/**
 * A number for people: integers as they are, others to `significant` digits (scores can be small: 0.000123
 * must not read as 0.000); '–' when unknown.
 */
export function formatNumber(value, significant = 3) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(significant)));
}

export function formatTime(iso, withDate = false) {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return iso ?? '–';
  return withDate ? date.toLocaleString() : date.toLocaleTimeString();
}

/** Long ids (UUIDs, DICOM UIDs) shortened to their end, which is what differs between images. */
export function shortId(id) {
  return id && id.length > 14 ? `…${id.slice(-12)}` : (id ?? '–');
}

/** "XR_HAND" -> "Hand". */
export function partLabel(bodyPart) {
  if (!bodyPart) return '–';
  const name = bodyPart.replace(/^XR_/, '').toLowerCase();
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const isAbort = (error) => error?.name === 'AbortError';
