// Server-sent events read from a fetch() Response. EventSource cannot send an Authorization header, so the page
// reads the stream itself; this follows the WHATWG event-stream parsing rules (fields event, data, id, retry;
// comments; CR, LF or CRLF line ends), minus Last-Event-ID, which the feed does not use.

/**
 * Reads `response.body` until it ends, calling onEvent({type, data, id}) per event and onRetry(ms) for a
 * `retry:` field. Rejects when the connection breaks or the signal aborts.
 */
export async function readEventStream(response, { onEvent, onRetry = () => {} }) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = newEvent();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    // A CR at the very end may be the first half of a CRLF split between chunks: hold it back with its line,
    // or the LF would later read as an extra, event-dispatching blank line.
    const held = buffer.endsWith('\r') ? '\r' : '';
    const lines = buffer.slice(0, buffer.length - held.length).split(/\r\n|\r|\n/);
    buffer = lines.pop() + held;
    for (const line of lines) {
      if (line === '') {
        if (event.data.length) onEvent({ type: event.type || 'message', data: event.data.join('\n'), id: event.id });
        event = newEvent();
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const fieldValue = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event.type = fieldValue;
        else if (field === 'data') event.data.push(fieldValue);
        else if (field === 'id') event.id = fieldValue;
        else if (field === 'retry' && /^\d+$/.test(fieldValue)) onRetry(Number(fieldValue));
      }
    }
  }
}

function newEvent() {
  return { type: '', data: [], id: undefined };
}
