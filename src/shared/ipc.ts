/** IPC channel names are the contract's channel names under one prefix, so nothing else on ipcMain can collide. */
export const IPC_PREFIX = 'archive:';
