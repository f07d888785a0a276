import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every route is prerendered as an empty shell (ssr is off), so each deep link
		// has its own HTML file that the static server and the service worker can serve.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
		// A stable version: an unchanged app must not look like an update to the service worker.
		version: { name: process.env.KARTKA_VERSION ?? pkg.version },
		// Registered through workbox-window in src/lib/pwa, not by SvelteKit.
		serviceWorker: { register: false }
	}
};

export default config;
