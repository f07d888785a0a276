// Registers Kartka's service worker (and keeps the browser's install offer, below) as soon as the page's HTML is parsed (issue 13): a first visit is
// controlled, and so works offline, sooner on a slow phone than if the app registered it once its own code
// had loaded and started. The built pages carry this file inline at the top of <head> (src/hooks.server.ts,
// allowed by its hash in the CSP: svelte.config.js), so registering waits for no request and no busy main
// thread. The app (src/lib/pwa) registers the same worker again: the browser returns the same registration,
// and the update flow is the app's. Not in development, where Vite serves the worker as an ES module and the
// app registers it itself.
(function () {
	if (!('serviceWorker' in navigator) || document.querySelector('script[src$="/@vite/client"]')) return;
	// The worker sits next to the manifest (both from static/): right on every page, at any depth, any base path.
	var manifest = document.querySelector('link[rel="manifest"]');
	var url = new URL('service-worker.js', manifest ? manifest.href : location.href);
	navigator.serviceWorker.register(url.pathname, { scope: new URL('./', url).pathname }).catch(function () {
		// Blocked (private mode, policy): the app still works online and reports it in Settings.
	});
})();
// Chromium offers the install once per page (beforeinstallprompt), and on a repeat visit served by the worker
// it can do so before the app's code has loaded and listens: kept here for the app's "Install app" offer
// (src/lib/pwa/install-prompt.svelte.ts takes it), instead of the browser's own mini-infobar.
addEventListener('beforeinstallprompt', function (event) {
	event.preventDefault();
	window.__kartkaInstallPrompt = event;
});
