// Every unit/db test gets a fresh in-memory IndexedDB (fake-indexeddb), never a real one.
import 'fake-indexeddb/auto';
