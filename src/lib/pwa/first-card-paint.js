// Paints the study screen's next card from the copy the last session saved (first-card-snapshot.ts) while the
// app's code loads (issue 13: offline cold start → first card ≤ 300 ms on a slow phone). Inlined into study.html
// only, as the first thing in <body> (study-shell.server.ts, applied by src/hooks.server.ts), allowed by its hash
// in the CSP (svelte.config.js). It runs as soon as the parser has made <body>, before the module preloads and the
// app's boot script that follow it, and puts the copy into the body at once (localStorage: synchronous); the
// browser paints it at the parser's first pause. The page's styles are inline, so no stylesheet holds it back.
// The copy is inert and hidden from screen readers: nothing in it can be clicked or answered. The app drops it as
// soon as its own queue is built and shows the real screen. On a first visit (no copy, nothing of Kartka stored)
// it paints the deck's first card as the build rendered it instead (firstVisit, below).
(function () {
	var KEY = 'kartka.firstCard';
	var ID = 'first-card-snapshot';
	try {
		var params = new URLSearchParams(location.search);
		var deck = params.get('deck');
		if (!deck || params.has('group')) return;
		var saved = JSON.parse(localStorage.getItem(KEY) || 'null') || firstVisit(deck);
		if (!saved || saved.deckId !== deck || typeof saved.html !== 'string' || !Array.isArray(saved.css))
			return;
		// Parsed straight into the page's own document: a <template> first builds an inert document of its own
		// and then moves every node over (this script took 55 ms with it, 28 ms without, at 4x CPU in traces:
		// docs/performance.md). The copy holds no media (snapshotOf), so nothing in it loads; scripts put in by
		// innerHTML never run.
		var box = document.createElement('div');
		box.innerHTML = saved.html;
		// A picture only: no script, no id the app's own elements could be confused with.
		box.querySelectorAll('script').forEach(function (el) {
			el.remove();
		});
		box.querySelectorAll('[role="status"], [role="alert"]').forEach(function (el) {
			el.textContent = '';
		});
		box.querySelectorAll('[id]').forEach(function (el) {
			el.removeAttribute('id');
		});
		box.id = ID;
		box.inert = true;
		box.setAttribute('aria-hidden', 'true');
		var style = document.createElement('style');
		style.textContent = 'html.' + ID + ' body > div:not(#' + ID + ') { display: none !important; }';
		box.appendChild(style);

		var paint = function () {
			// Another build (other CSS, other class names): wait for the app instead. The <head> is parsed by now.
			/** @type {string[]} */
			var sheets = [];
			document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
				sheets.push(new URL(link.getAttribute('href') || '', document.baseURI).pathname);
			});
			var sameBuild = sheets.every(function (path) {
				return saved.css.indexOf(path) >= 0;
			});
			if (!saved.built && (sheets.length === 0 || !sameBuild)) return;
			document.documentElement.classList.add(ID);
			document.body.prepend(box);
			// The app failed to start: after a while its own screen (loading, or an error) shows instead.
			setTimeout(function () {
				box.remove();
				document.documentElement.classList.remove(ID);
			}, 10000);
		};
		// At the top of <body> (study-shell.server.ts) the body is there: paint now, before the parser goes on.
		if (document.body) return paint();
		// In the <head>: the parser adds <body> after the whole <head>; the observer hears it at the parser's next
		// pause (at the latest after the boot script, whose imports are asynchronous), before anything is rendered.
		var observer = new MutationObserver(function () {
			if (!document.body) return;
			observer.disconnect();
			paint();
		});
		observer.observe(document.documentElement, { childList: true });
	} catch {
		// A copy that cannot be read is no copy: the app shows the card.
	}

	// A first visit: nothing of Kartka stored yet (the app sets `kartka.started` as it starts, state/app-ready.ts),
	// so the deck's first card is the one the build wrote into this page for each shipped deck
	// (pwa/first-visit-cards.server.ts, a JSON block before this script). This build's own markup: no build check.
	// A wrong guess (storage cleared but not the database) is only a picture: the app replaces it.
	/** @param {string} deck */
	function firstVisit(deck) {
		for (var i = 0; i < localStorage.length; i++)
			if ((localStorage.key(i) || '').indexOf('kartka.') === 0) return null;
		var data = document.getElementById('kartka-first-visit');
		var screens = data ? JSON.parse(data.textContent || '{}') : {};
		var html = Object.prototype.hasOwnProperty.call(screens, deck) ? screens[deck] : null;
		return typeof html === 'string' ? { deckId: deck, html: html, css: [], built: true } : null;
	}
})();
