/**
 * The record-level search index, off the window's thread: the shared MiniSearch engine
 * (src/shared/search), fed batches from the catalogue's change feed by the window.
 */
import { createRecordIndex, removeDocument, searchRecords, upsertDocument, type RecordIndex } from '../../../shared/search/engine';
import type { FromWorker, ToWorker } from './protocol';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}
const scope = self as unknown as WorkerScope;

let index: RecordIndex = createRecordIndex();

function handle(message: ToWorker): FromWorker {
  switch (message.kind) {
    case 'apply': {
      if (message.reset) index = createRecordIndex();
      for (const id of message.deletes) removeDocument(index, id);
      for (const doc of message.upserts) upsertDocument(index, doc);
      return { kind: 'applied', revision: message.revision, documents: index.documentCount };
    }
    case 'search':
      return { kind: 'results', seq: message.seq, query: message.query, hits: searchRecords(index, message.query, message.limit) };
  }
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  try {
    scope.postMessage(handle(message));
  } catch (error) {
    scope.postMessage({
      kind: 'failed',
      ...(message.kind === 'search' ? { seq: message.seq } : {}),
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
