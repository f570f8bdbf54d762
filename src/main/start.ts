/**
 * `npm start`: the desktop app where Electron's binary is present; otherwise one line saying so,
 * then the browser host (the same renderer and service) with its URL.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { electronBinary } from './electron-binary';
import { appRoot } from './locations';

const root = appRoot();
const passThrough = process.argv.slice(2);
const binary = electronBinary(root);

const child = binary.ok
  ? spawn(binary.path, [root, ...passThrough], { stdio: 'inherit' })
  : (console.log(`Electron cannot start here (${binary.reason}); starting the browser host instead.`),
    spawn(process.execPath, [path.join(root, 'out', 'main', 'host.js'), ...passThrough], { stdio: 'inherit' }));

child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
