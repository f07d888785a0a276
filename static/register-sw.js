// Registers Kartka's service worker (and keeps the browser's install offer, below), inline in every built page
// (src/hooks.server.ts; its hash is in the CSP, svelte.config.js), so it waits for no request. The app registers
// it again for its update flow (src/lib/pwa); in development only the app does. On a study link's first visit
// (its tag carries data-wait-for-screen) it waits until the card is on screen (<html data-ready>,
// state/page-ready.ts) and an idle moment, 10 s after load at the latest: the install (fetching and storing the
// shell) ran beside that page's start, the longest of all, on a phone's few cores, and Lighthouse's blocking time
// there fell from 301 to 217 ms with it waiting (docs/performance.md, session 11). Everywhere else, and on a page
// the worker already controls (its update check), it registers at once, so a first visit is offline-ready soon.
(function () {
	var script = document.currentScript;
	if (!('serviceWorker' in navigator) || document.querySelector('script[src$="/@vite/client"]')) return;
	// The worker sits next to the manifest (both from static/): right on every page, at any depth, any base path.
	var manifest = document.querySelector('link[rel="manifest"]');
	var url = new URL('service-worker.js', manifest ? manifest.href : location.href);
	var registered = false;
	var register = function () {
		if (registered) return;
		registered = true;
		navigator.serviceWorker.register(url.pathname, { scope: new URL('./', url).pathname }).catch(function () {
			// Blocked (private mode, policy): the app still works online and reports it in Settings.
		});
	};
	if (navigator.serviceWorker.controller || !script || !script.hasAttribute('data-wait-for-screen'))
		return register();
	// The app, whose code loads after this script, sets the attribute: it cannot be there yet.
	var root = document.documentElement;
	var ready = new MutationObserver(function () {
		if (!root.hasAttribute('data-ready')) return;
		ready.disconnect();
		if (window.requestIdleCallback) requestIdleCallback(register, { timeout: 500 });
		else setTimeout(register, 0);
	});
	ready.observe(root, { attributes: true, attributeFilter: ['data-ready'] });
	addEventListener('load', function () {
		setTimeout(register, 10000);
	});
})();
// Chromium offers the install once per page (beforeinstallprompt), and on a repeat visit served by the worker
// it can do so before the app's code has loaded and listens: kept here for the app's "Install app" offer
// (src/lib/pwa/install-prompt.svelte.ts takes it), instead of the browser's own mini-infobar.
addEventListener('beforeinstallprompt', function (event) {
	event.preventDefault();
	window.__kartkaInstallPrompt = event;
});
