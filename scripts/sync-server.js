#!/usr/bin/env node
// npm run sync-server [-- --port 5984 --dir .sync-data --admin name:password]
// pouchdb-server on 127.0.0.1 with a data folder, for trying sync locally (see docs/sync.md).
// Turn on sync in Settings with the server address http://127.0.0.1:<port>/<any database name>.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startSyncServer } from './sync-server-process.js';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '5984' },
		dir: { type: 'string', default: '.sync-data' },
		admin: { type: 'string' }
	}
});
const [name, password] = values.admin ? values.admin.split(':') : [];
const server = await startSyncServer({
	dir: resolve(values.dir),
	port: Number(values.port),
	admin: name && password ? { name, password } : undefined
});
console.log(`Sync server (pouchdb-server) on ${server.url}, data in ${resolve(values.dir)}`);
console.log(`In Kartka: Settings -> Sync -> Server address ${server.url}/kartka`);
const stop = () => server.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
