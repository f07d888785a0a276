#!/usr/bin/env node
// Serves the built app in build/ exactly as it ships: static files, each route's prerendered shell,
// the SPA fallback for unknown paths, and the headers the app relies on.
// Usage: node scripts/serve.js [--dir build] [--port 4173] [--host 127.0.0.1]
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import compression from 'compression';
import sirv from 'sirv';
import { SECURITY_HEADERS } from './security-headers.js';

/** @param {string[]} argv @param {string} name @param {string} fallback */
function option(argv, name, fallback) {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
}

/**
 * @param {{ dir?: string; port?: number; host?: string; quiet?: boolean }} [opts]
 * @returns {Promise<{ url: string; close: () => Promise<void> }>}
 */
export async function serveBuild(opts = {}) {
	const dir = resolve(opts.dir ?? 'build');
	if (!existsSync(resolve(dir, 'index.html')))
		throw new Error(`No build in ${dir}: run "npm run build" first.`);
	const files = sirv(dir, {
		single: '404.html',
		extensions: ['html'],
		etag: true,
		setHeaders(res, pathname) {
			// Hashed assets never change; everything else (HTML, the service worker, the manifest) is revalidated.
			res.setHeader(
				'Cache-Control',
				pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
			);
		}
	});
	// gzip/brotli as any real static host does (HTML, JS, CSS, JSON, SVG, the manifest, wasm).
	const compress = compression({ filter: (_req, res) => compressible(res) });
	const server = createServer((req, res) => {
		// CSP (the header part; each shell carries the rest in a <meta> tag), cross-origin isolation (the FSRS
		// optimizer's wasm threads need SharedArrayBuffer) and nosniff: the same as static/_headers. The service
		// worker stores responses with these headers, so the app stays isolated when served from its cache offline.
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
		// compression() is typed for Express, but needs only Node's request and response.
		compress(/** @type {any} */ (req), /** @type {any} */ (res), () =>
			files(req, res, () => {
				res.statusCode = 404;
				res.end('Not found');
			})
		);
	});
	const host = opts.host ?? '127.0.0.1';
	await new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(opts.port ?? 0, host, () => ok(undefined));
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : opts.port;
	return {
		url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
		close: () =>
			new Promise((ok) => {
				server.close(() => ok(undefined));
				// Browsers keep connections alive: drop them so the port is free at once (tests restart on it).
				server.closeAllConnections();
			})
	};
}

/** @param {import('node:http').ServerResponse} res */
function compressible(res) {
	const type = String(res.getHeader('Content-Type') ?? '');
	return /^(text\/|application\/(javascript|json|manifest\+json|wasm|xml)|image\/svg\+xml)/.test(type);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const argv = process.argv.slice(2);
	const { url } = await serveBuild({
		dir: option(argv, 'dir', 'build'),
		port: Number(option(argv, 'port', process.env.PORT ?? '4173')),
		host: option(argv, 'host', process.env.HOST ?? '127.0.0.1')
	});
	console.log(`Kartka is being served at ${url}/ (Ctrl+C to stop)`);
}
