// Entry point: the API token, then the three views (upload, live feed, models).
import { onAuthFailure, token } from './api.js';
import { byId } from './dom.js';
import { followFeed } from './feed.js';
import { initModels, loadModels, noticeVersion } from './models.js';
import { initUpload, showImage } from './upload.js';

let session; // AbortController of what runs with the current token (feed stream, model loads)

/**
 * The token from `#token=...`, read once: it is kept in sessionStorage and removed from the address bar.
 * Returns whether there was one.
 */
function takeTokenFromFragment() {
  const fromUrl = new URLSearchParams(location.hash.slice(1)).get('token');
  if (!fromUrl) return false;
  token.set(fromUrl);
  // Browsers never send the fragment to a server, but it would stay in the history and on screen.
  history.replaceState(null, '', location.pathname + location.search);
  return true;
}

function start() {
  session?.abort();
  session = new AbortController();
  const { signal } = session;
  byId('auth-message').hidden = true;
  showTokenForm(false);
  followFeed(signal, {
    showImage,
    onScore: ({ modelName, modelVersion }) => noticeVersion(modelName, modelVersion, signal),
  });
  loadModels(signal);
}

/** Stops what ran with the refused or forgotten token and shows only the token field (and why, if `message`). */
function askForToken(message) {
  session?.abort();
  const banner = byId('auth-message');
  banner.textContent = message ?? '';
  banner.hidden = !message;
  showTokenForm(true);
  byId('token-input').focus();
}

function showTokenForm(shown) {
  byId('token-form').hidden = !shown;
  for (const id of ['app', 'sections', 'token-forget']) byId(id).hidden = shown;
}

takeTokenFromFragment();
initUpload();
initModels(() => session.signal);
onAuthFailure((error) => askForToken(`${error.message}. Enter a valid API token.`));
byId('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  token.set(byId('token-input').value.trim());
  byId('token-input').value = '';
  start();
});
byId('token-forget').addEventListener('click', () => {
  token.clear();
  askForToken();
});
// A #token=... link opened in this tab while the page is open changes only the fragment: no reload.
window.addEventListener('hashchange', () => {
  if (takeTokenFromFragment()) start();
});
if (token.get()) start();
else askForToken();
