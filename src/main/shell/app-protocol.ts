/**
 * The app:// scheme's answers: the built renderer's files, and nothing else. A request's path is
 * decoded and resolved inside the renderer folder (`..`, encoded or not, and anything outside it is
 * 404); the bare origin gives index.html. Plain Node (no Electron), so it is unit-tested; index.ts
 * registers it with protocol.handle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_TYPES } from '../content-types';
import { APP_HOST, APP_SCHEME } from './trusted-url';

export type AppAnswer = { status: 200; file: string; type: string } | { status: 400 | 404 | 405; reason: string };

export function appFile(url: string, method: string, rendererDir: string): AppAnswer {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, reason: 'method not allowed' };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { status: 400, reason: 'not a URL' };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.hostname.toLowerCase() !== APP_HOST || u.port !== '')
    return { status: 404, reason: 'not the renderer' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return { status: 400, reason: 'the path is not valid percent-encoding' };
  }
  if (decoded.includes('\0')) return { status: 400, reason: 'the path holds a NUL' };
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${decoded === '/' || decoded === '' ? '/index.html' : decoded}`);
  if (!file.startsWith(root + path.sep)) return { status: 404, reason: 'outside the renderer' };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { status: 404, reason: 'not found' };
  }
  if (!stat.isFile()) return { status: 404, reason: 'not found' };
  return { status: 200, file, type: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' };
}
