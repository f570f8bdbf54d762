/**
 * The preload: exposes `window.archive`, the typed client of the contract, over IPC.
 * Sandboxed, so it is bundled into one CommonJS file and imports nothing but electron at run time.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createClient } from '../shared/client';
import { IPC_PREFIX } from '../shared/ipc';
import type { Result } from '../shared/result';

const archive = createClient(
  (channel, input) => ipcRenderer.invoke(IPC_PREFIX + channel, input) as Promise<Result<unknown>>,
);

contextBridge.exposeInMainWorld('archive', archive);
