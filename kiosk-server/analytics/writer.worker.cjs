/**
 * Worker thread that owns the analytics database's writes (see writer-core.cjs). Messages:
 * { id, op: 'write' | 'rebuild' | 'prune' | 'close', args } → { id, result } or { id, error }.
 */
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const { createWriter } = require('./writer-core.cjs');

const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const writer = createWriter(db, workerData.sql);

parentPort.on('message', (msg) => {
  try {
    if (msg.op === 'close') {
      db.close();
      parentPort.postMessage({ id: msg.id, result: null });
      parentPort.close();
      return;
    }
    if (msg.op === 'write') {
      // Rows arrive as one JSON string and flags leave as bytes: far cheaper than cloning arrays.
      const stored = writer.write(JSON.parse(msg.args[0]));
      const flags = Uint8Array.from(stored, (b) => (b ? 1 : 0));
      parentPort.postMessage({ id: msg.id, result: flags }, [flags.buffer]);
      return;
    }
    const result = writer[msg.op](...msg.args);
    parentPort.postMessage({ id: msg.id, result });
  } catch (err) {
    parentPort.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
  }
});
