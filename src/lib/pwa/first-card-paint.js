// Paints the study screen's next card from the copy the last session saved (first-card-snapshot.ts) while the
// app's code loads (issue 13: offline cold start → first card ≤ 300 ms on a slow phone). Inlined into study.html
// only (src/hooks.server.ts: no request to wait for), allowed by its hash in the CSP (svelte.config.js). The copy
// is inert and hidden from screen readers: nothing in it can be clicked or answered. The app drops it as soon as
// its own queue is built and shows the real screen.
(function () {
	var KEY = 'kartka.firstCard';
	var ID = 'first-card-snapshot';
	try {
		var params = new URLSearchParams(location.search);
		var deck = params.get('deck');
		if (!deck || params.has('group')) return;
		var saved = JSON.parse(localStorage.getItem(KEY) || 'null');
		if (!saved || saved.deckId !== deck || typeof saved.html !== 'string' || !Array.isArray(saved.css))
			return;
		// Another build (other CSS, other class names): wait for the app instead.
		/** @type {string[]} */
		var sheets = [];
		document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
			sheets.push(new URL(link.getAttribute('href') || '', document.baseURI).pathname);
		});
		var sameBuild = sheets.every(function (path) {
			return saved.css.indexOf(path) >= 0;
		});
		if (sheets.length === 0 || !sameBuild) return;
		var template = document.createElement('template');
		template.innerHTML = saved.html;
		var content = template.content;
		// A picture only: no script, no id the app's own elements could be confused with.
		content.querySelectorAll('script').forEach(function (el) {
			el.remove();
		});
		content.querySelectorAll('[role="status"], [role="alert"]').forEach(function (el) {
			el.textContent = '';
		});
		content.querySelectorAll('[id]').forEach(function (el) {
			el.removeAttribute('id');
		});
		var box = document.createElement('div');
		box.id = ID;
		box.inert = true;
		box.setAttribute('aria-hidden', 'true');
		box.appendChild(content);
		var style = document.createElement('style');
		style.textContent = 'html.' + ID + ' body > div:not(#' + ID + ') { display: none !important; }';
		box.appendChild(style);
		document.documentElement.classList.add(ID);
		document.body.prepend(box);
		// The app failed to start: after a while its own screen (loading, or an error) shows instead.
		setTimeout(function () {
			box.remove();
			document.documentElement.classList.remove(ID);
		}, 10000);
	} catch {
		// A copy that cannot be read is no copy: the app shows the card.
	}
})();
