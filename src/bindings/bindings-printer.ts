/**
 * Print bindings off the main thread.  `generate` starts the printer before
 * it reads anything, so the worker loads ts-morph (the single largest cost
 * of a run) while the main thread loads the tree, plans and diffs; printing
 * itself is then a few tens of milliseconds.  Two cores make it overlap.
 *
 * The worker is the compiled bindings-worker.js next to this module (in
 * dist/ or the bundle).  Run from the TypeScript sources (vitest) there is
 * none, and the printer prints in this thread instead: same code, same text.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { BindingsModel } from './bindings-model.js';
import type { WorkerReply } from './bindings-worker.js';

export interface BindingsPrinter {
  print(model: BindingsModel): Promise<string>;
  /** Stop the worker; call it on every path, printing or not. */
  close(): Promise<void>;
}

const WORKER = new URL('./bindings-worker.js', import.meta.url);

export function startBindingsPrinter(): BindingsPrinter {
  return existsSync(WORKER) ? workerPrinter() : inThreadPrinter();
}

function workerPrinter(): BindingsPrinter {
  const worker = new Worker(WORKER);
  // A failure to start (ts-morph missing, ...) surfaces at print time.
  let failure: Error | undefined;
  worker.on('error', (err) => (failure = err));
  return {
    print: (model) =>
      new Promise<string>((resolve, reject) => {
        if (failure) return reject(failure);
        const onError = (err: Error) => reject(err);
        worker.once('error', onError);
        worker.once('message', (reply: WorkerReply) => {
          worker.off('error', onError);
          if ('text' in reply) resolve(reply.text);
          else reject(new Error(`bindings printer: ${reply.error}`));
        });
        worker.postMessage(model);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

function inThreadPrinter(): BindingsPrinter {
  return {
    print: async (model) => (await import('./bindings-builder.js')).printBindings(model),
    close: async () => {},
  };
}
