/**
 * The Electron shell's rules, as plain modules (Electron's binary cannot run here): the renderer is
 * served from app://renderer/ and nothing else is ours (URLs parsed, never compared by prefix); the
 * stored-file protocol answers CORS for the app's origin exactly; app:// serves the built renderer
 * and nothing outside it. And the shell (src/main/index.ts) is wired to them: checked on its source,
 * since it cannot be started here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFile } from '../../../src/main/shell/app-protocol';
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  appOrigin,
  fileProtocolCors,
  isTrustedUrl,
} from '../../../src/main/shell/trusted-url';
import { tempDir } from '../../support/catalogue';

describe('which pages are the app’s own', () => {
  it('app://renderer/ pages, parsed: look-alikes, user-info, ports and file:// are not', () => {
    for (const url of [
      APP_INDEX_URL,
      'app://renderer/index.html#/records/12/edit',
      'app://renderer/',
      'APP://RENDERER/index.html',
    ])
      expect(isTrustedUrl(url), url).toBe(true);
    for (const url of [
      'app://renderer.evil/index.html',
      'app://rendererx/index.html',
      'app://evil/renderer/index.html',
      'app://user@renderer/index.html',
      'app://renderer:8080/index.html',
      'file:///opt/civic-archive/out/renderer/index.html',
      'https://renderer/index.html',
      'civic-file://files/' + 'a'.repeat(64),
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isTrustedUrl(url), url).toBe(false);
    }
  });

  it('in development, the dev server’s origin on loopback (and only that origin)', () => {
    const dev = 'http://localhost:5173/';
    expect(isTrustedUrl('http://localhost:5173/index.html#/new', dev)).toBe(true);
    expect(isTrustedUrl(APP_INDEX_URL, dev)).toBe(true);
    for (const url of [
      'http://localhost:51730/',
      'http://localhost:5173.evil.com/',
      'http://127.0.0.1:5173/',
      'https://localhost:5173/',
      'http://x@localhost:5173/',
    ]) {
      expect(isTrustedUrl(url, dev), url).toBe(false);
    }
    // A dev URL that is not loopback is never trusted (an environment variable cannot point the window's door at the web).
    expect(isTrustedUrl('http://example.org/', 'http://example.org/')).toBe(false);
    expect(appOrigin(dev)).toBe('http://localhost:5173');
    expect(appOrigin()).toBe(APP_ORIGIN);
  });

  it('the stored-file protocol allows the app’s origin exactly, never any origin', () => {
    expect(fileProtocolCors()).toEqual({ 'Access-Control-Allow-Origin': 'app://renderer', Vary: 'Origin' });
    expect(fileProtocolCors('http://localhost:5173/')['Access-Control-Allow-Origin']).toBe('http://localhost:5173');
  });
});

describe('what app:// serves', () => {
  const dir = tempDir('renderer-');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Civic Archive</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'export {};');
  fs.writeFileSync(path.join(path.dirname(dir), 'secret.txt'), 'beside the renderer');

  it('the renderer’s files, typed; the bare origin is index.html', () => {
    expect(appFile('app://renderer/', 'GET', dir)).toEqual({
      status: 200,
      file: path.join(dir, 'index.html'),
      type: 'text/html; charset=utf-8',
    });
    expect(appFile('app://renderer/index.html', 'HEAD', dir)).toMatchObject({ status: 200 });
    expect(appFile('app://renderer/assets/index-abc.js?v=1', 'GET', dir)).toEqual({
      status: 200,
      file: path.join(dir, 'assets', 'index-abc.js'),
      type: 'text/javascript; charset=utf-8',
    });
  });

  it('nothing outside the renderer folder, however it is spelled; nothing but GET and HEAD', () => {
    const name = path.basename(dir);
    for (const url of [
      'app://renderer/../secret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://renderer/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      `app://renderer/..%2f..%2f${name}%2f..%2fsecret.txt`,
      'app://renderer/assets',
      'app://renderer/missing.js',
      'app://other/index.html',
    ]) {
      expect(appFile(url, 'GET', dir).status, url).toBe(404);
    }
    expect(appFile('app://renderer/%E0%A4%A', 'GET', dir).status).toBe(400);
    expect(appFile('app://renderer/index.html%00.js', 'GET', dir).status).toBe(400);
    expect(appFile('app://renderer/index.html', 'POST', dir).status).toBe(405);
  });
});

describe('the shell is wired to these rules (src/main/index.ts, read: it cannot start here)', () => {
  const source = fs.readFileSync(path.resolve(import.meta.dirname, '../../../src/main/index.ts'), 'utf8');

  it('loads the renderer from app://, never from file://', () => {
    expect(source).toMatch(/loadURL\(devUrl \?\? APP_INDEX_URL\)/);
    expect(source).not.toMatch(/loadFile\(/);
    expect(source).toMatch(/scheme: APP_SCHEME, privileges: \{ standard: true, secure: true/);
    expect(source).toMatch(/protocol\.handle\(APP_SCHEME/);
  });

  it('no wildcard CORS; device, permission requests and checks all denied', () => {
    expect(source).not.toMatch(/Access-Control-Allow-Origin['"]?\s*:\s*['"]\*/);
    expect(source).toMatch(/setDevicePermissionHandler\(\(\) => false\)/);
    expect(source).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    expect(source).toMatch(/setPermissionRequestHandler\(\(_wc, _permission, callback\) => callback\(false\)\)/);
  });

  it('Open Library goes through the library switch (new one opened before the old one is closed)', () => {
    expect(source).toMatch(/libraries\.openLibrary\(\{ path: dir, create: true \}\)/);
    expect(source).not.toMatch(/openService/);
  });
});
