// Starts pouchdb-server (the CouchDB replication API, from npm) on 127.0.0.1 as a child process, for
// `npm run sync-server`, the sync tests, the browser test and the benchmark. Loopback only, by design.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../node_modules/pouchdb-server/bin/pouchdb-server', import.meta.url));

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
export function freePort() {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
			probe.close(() => resolve(port));
		});
	});
}

/**
 * @param {{ dir: string, port?: number, admin?: { name: string, password: string }, log?: boolean }} options
 * `dir`: the data folder (LevelDB files, config.json, log). `admin`: ends CouchDB's "admin party":
 * requests then need this name and password (Basic auth), as on a real server.
 */
export async function startSyncServer(options) {
	const port = options.port ?? (await freePort());
	mkdirSync(options.dir, { recursive: true });
	const config = {
		// The app runs on another origin than the database: the browser needs CORS, as with CouchDB.
		httpd: { enable_cors: true },
		cors: {
			origins: '*',
			credentials: true,
			methods: 'GET, PUT, POST, HEAD, DELETE',
			headers: 'accept, authorization, content-type, origin, referer'
		},
		log: { file: join(options.dir, 'log.txt'), level: 'error' },
		...(options.admin ? { admins: { [options.admin.name]: options.admin.password } } : {})
	};
	writeFileSync(join(options.dir, 'config.json'), JSON.stringify(config));
	const child = spawn(
		process.execPath,
		[
			bin,
			'--host',
			'127.0.0.1',
			'--port',
			String(port),
			'--dir',
			options.dir,
			'--config',
			join(options.dir, 'config.json'),
			'--no-stdout-logs'
		],
		{ stdio: options.log ? 'inherit' : 'ignore' }
	);
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`pouchdb-server exited (${child.exitCode})`);
		try {
			const res = await fetch(url);
			if (res.ok || res.status === 401) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error('pouchdb-server did not start within 30 s');
		}
		await new Promise((ok) => setTimeout(ok, 100));
	}
	const exited = new Promise((ok) => child.once('exit', ok));
	return {
		url,
		port,
		/** Stops the server and waits until it is gone. */
		async stop() {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			await exited;
		},
		/** Kills it at once, as a crash or a pulled cable would (fault injection). */
		async kill() {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
			await exited;
		}
	};
}
