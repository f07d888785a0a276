// Issue 12: after another tab applied an update, tabs still running the previous version keep loading their
// lazy chunks offline: the previous cache is kept while any tab open at activation lives, and is the
// fallback for hashed files the new cache lacks.
import { describe, expect, it } from 'vitest';
import { cachesToDelete, fallbackCaches } from '$lib/pwa/cache-retention';
import { planRequest } from '$lib/pwa/precache-plan';

const OLD = 'kartka-precache-0.1.0-aaaaaaaa';
const NEW = 'kartka-precache-0.1.0-bbbbbbbb';
const KEYS = [OLD, NEW, 'someone-elses-cache'];

describe('previous version cache retention', () => {
	it('keeps the previous cache while a tab open at activation is alive', () => {
		expect(cachesToDelete(KEYS, NEW, ['tab-1', 'tab-2'], ['tab-2', 'tab-3'])).toEqual({
			delete: [],
			done: false
		});
	});

	it('deletes it (never other apps’ caches) once those tabs are gone', () => {
		expect(cachesToDelete(KEYS, NEW, ['tab-1', 'tab-2'], ['tab-3'])).toEqual({ delete: [OLD], done: true });
		expect(cachesToDelete(KEYS, NEW, [], [])).toEqual({ delete: [OLD], done: true });
	});

	it('an old tab asking for its own hashed chunk is answered from cache, falling back to older versions', () => {
		const plan = planRequest(
			{
				url: new URL('https://kartka.app/_app/immutable/nodes/7.OLDHASH1.js'),
				method: 'GET',
				mode: 'cors',
				hasRange: false,
				origin: 'https://kartka.app'
			},
			'',
			new Set(['/_app/immutable/nodes/7.NEWHASH2.js'])
		);
		expect(plan).toEqual({ kind: 'cache', key: '/_app/immutable/nodes/7.OLDHASH1.js', keepMiss: true });
		expect(fallbackCaches(KEYS, NEW)).toEqual([OLD]);
	});
});
