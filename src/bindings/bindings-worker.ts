/**
 * Worker thread that prints bindings (see bindings-printer.ts).  Loading
 * ts-morph and parsing the run-time helpers takes ~350 ms; the worker does
 * it as soon as it starts, while the main thread reads the tree and plans,
 * then answers each posted BindingsModel with the module text.
 */
import { parentPort } from 'node:worker_threads';
import { printBindings, type BindingsModel } from './bindings-builder.js';
import { loadRuntime } from './runtime-source.js';

export type WorkerReply = { text: string } | { error: string };

const port = parentPort;
if (!port) throw new Error('bindings-worker.js runs only as a worker thread');
loadRuntime();
port.on('message', (model: BindingsModel) => {
  let reply: WorkerReply;
  try {
    reply = { text: printBindings(model) };
  } catch (err) {
    reply = { error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(reply);
});
