// Issue 12: a Content-Security-Policy through kit.csp (hash mode), the same header set from scripts/serve.js
// and static/_headers, and a precache that never asks the host for its own configuration file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import config from '../../svelte.config.js';
import { CSP_DIRECTIVES, HEADER_CSP, SECURITY_HEADERS } from '../../scripts/security-headers.js';
import { serveBuild } from '../../scripts/serve.js';
import { precacheUrls } from '$lib/pwa/precache-plan';

describe('kit.csp', () => {
	const csp = config.kit?.csp;
	it('is on, in hash mode (the prerendered shells carry it as a <meta> tag with script hashes)', () => {
		expect(csp?.mode).toBe('hash');
	});

	it('allows scripts from the app and wasm only, no eval, and inline only our two scripts by hash', () => {
		const d = csp!.directives!;
		// src/hooks.server.ts writes these two files inline into the shells (issue 13), exactly as they are.
		const hashes = ['static/register-sw.js', 'src/lib/pwa/first-card-paint.js'].map(
			(path) => `sha256-${createHash('sha256').update(readFileSync(path, 'utf8')).digest('base64')}`
		);
		expect(d['script-src']).toEqual(['self', 'wasm-unsafe-eval', ...hashes]);
		expect(d['script-src']).not.toContain('unsafe-inline');
		expect(d['default-src']).toEqual(['self']);
		expect(d['object-src']).toEqual(['none']);
		expect(d['base-uri']).toEqual(['none']);
		expect(d['form-action']).toEqual(['none']);
		expect(d['img-src']).toEqual(['self', 'data:', 'blob:']);
		expect(d['connect-src']).toEqual(['self', 'https:', 'http://127.0.0.1:*', 'http://localhost:*']);
		for (const values of Object.values(d)) expect(values).not.toContain('unsafe-eval');
	});
});

describe('HTTP headers', () => {
	it('the header policy forbids framing, plugins, <base> and forms, and never widens scripts', () => {
		expect(HEADER_CSP).toContain("frame-ancestors 'none'");
		expect(HEADER_CSP).toContain("object-src 'none'");
		expect(HEADER_CSP).toContain("base-uri 'none'");
		expect(HEADER_CSP).not.toMatch(/script-src|unsafe-/);
		// Each header directive is also in the page policy (the two agree).
		for (const part of HEADER_CSP.split('; ')) {
			const [name, ...values] = part.split(' ');
			if (name === 'frame-ancestors') continue;
			expect(CSP_DIRECTIVES[name!]?.map((v) => (/[:*]$/.test(v) ? v : `'${v}'`))).toEqual(values);
		}
	});

	it('static/_headers sends exactly SECURITY_HEADERS to every path', () => {
		const text = readFileSync('static/_headers', 'utf8');
		const block = text.split(/\n(?=\S)/).find((b) => b.startsWith('/*\n'))!;
		const sent = Object.fromEntries(
			block
				.split('\n')
				.slice(1)
				.filter((l) => l.trim())
				.map((l) => [l.trim().split(': ')[0], l.trim().split(': ').slice(1).join(': ')])
		);
		expect(sent).toEqual(SECURITY_HEADERS);
	});

	it('the precache leaves out _headers (hosts never serve it)', () => {
		const urls = precacheUrls({
			base: '',
			build: ['/_app/a.js'],
			files: ['/_headers', '/favicon.svg'],
			prerendered: ['/']
		});
		expect(urls).toEqual(['/', '/_app/a.js', '/favicon.svg']);
	});
});

describe('scripts/serve.js', () => {
	let dir: string;
	let server: { url: string; close: () => Promise<void> };
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'kartka-headers-'));
		mkdirSync(join(dir, '_app/immutable'), { recursive: true });
		writeFileSync(join(dir, 'index.html'), '<p>home</p>');
		writeFileSync(join(dir, '404.html'), '<p>fallback</p>');
		writeFileSync(join(dir, '_app/immutable/a.js'), 'export {}');
		server = await serveBuild({ dir });
	});
	afterAll(async () => {
		await server?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('sends CSP, COOP/COEP and nosniff on pages, assets and the fallback', async () => {
		for (const path of ['/', '/nope/deep', '/_app/immutable/a.js']) {
			const res = await fetch(`${server.url}${path}`);
			for (const [name, value] of Object.entries(SECURITY_HEADERS))
				expect(res.headers.get(name), `${path} ${name}`).toBe(value);
		}
	});
});
