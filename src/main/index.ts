/**
 * The Electron shell: one hardened window over the renderer, the catalogue in a worker thread,
 * and the IPC binding. Everything else lives behind the service and runs without Electron.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { app, BrowserWindow, dialog, Menu, protocol, session, shell } from 'electron';
import { JobRunner } from './documents/jobs/runner';
import { receiveUpload, serveStoredFile, toWebBody } from './documents/serve';
import { bindIpc } from './ipc';
import { startSnapshotKeeper, type SnapshotKeeper } from './search/snapshot-keeper';
import { externalLink } from './external-link';
import { chooseLibrary, LIBRARY_ENV, resourcePath } from './locations';
import { createService, type Service } from './service/service';
import { workerExecutor } from './service/worker-executor';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererIndex = path.join(here, '../renderer/index.html');
const devUrl = process.env.ELECTRON_RENDERER_URL;

let service: Service | null = null;
let unbind: (() => void) | null = null;
let keeper: SnapshotKeeper | null = null;
let runner: JobRunner | null = null;
let libraryRoot = '';

/**
 * Stored files reach the renderer through civic-file://files/<sha256> (only hashes the catalogue
 * knows, never a path) and uploads (drag and drop) go to civic-file://upload?name=...
 */
const FILE_SCHEME = 'civic-file';
protocol.registerSchemesAsPrivileged([{ scheme: FILE_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true } }]);

function handleFileProtocol(): void {
  protocol.handle(FILE_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (!service) return new Response('no library', { status: 503 });
    // The renderer is a file:// page, so its uploads (and ranged reads) are cross-origin: answer the preflight.
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'GET, HEAD, POST',
          'Access-Control-Allow-Headers': 'Content-Type, Range',
        },
      });
    }
    if (url.host === 'files' && (request.method === 'GET' || request.method === 'HEAD')) {
      const out = await serveStoredFile(service, libraryRoot, url.pathname.replace(/^\//, ''), request.headers.get('range') ?? undefined);
      // Only this app's windows can load civic-file: (navigation elsewhere is refused), and its page is file://.
      const headers = { ...out.headers, 'Access-Control-Allow-Origin': '*' };
      return new Response(request.method === 'HEAD' ? null : (toWebBody(out.body) as ConstructorParameters<typeof Response>[0]), { status: out.status, headers });
    }
    if (url.host === 'upload' && request.method === 'POST' && request.body) {
      const length = request.headers.get('content-length');
      const { status, result } = await receiveUpload(service, libraryRoot, url.searchParams, Readable.fromWeb(request.body as never), length ? Number(length) : null);
      runner?.kick();
      return new Response(JSON.stringify(result), { status, headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' } });
    }
    return new Response('not found', { status: 404 });
  });
}

function isTrustedUrl(url: string): boolean {
  if (devUrl && url.startsWith(devUrl)) return true;
  return url.startsWith(pathToFileURL(rendererIndex).href);
}

function libraryFromArgs(): string | undefined {
  const i = process.argv.indexOf('--library');
  return i >= 0 ? process.argv[i + 1] : process.env[LIBRARY_ENV];
}

async function openService(libraryDir: string): Promise<void> {
  unbind?.();
  await runner?.stop();
  await service?.close();
  keeper?.stop();
  service = createService(await workerExecutor(libraryDir, 'app'));
  unbind = bindIpc(service, isTrustedUrl);
  keeper = startSnapshotKeeper(libraryDir, service);
  void keeper.refresh();
  libraryRoot = path.resolve(libraryDir);
  runner = new JobRunner({ service, libraryRoot, idlePollMs: 500 });
  runner.start();
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Civic Archive',
    icon: resourcePath('icon.png'),
    show: false,
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
      // A middle click would otherwise try to open a link in a new window (denied below anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(rendererIndex);
  return win;
}

function buildMenu(): void {
  const template: Electron.MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        {
          label: 'Open Library…',
          accelerator: 'CmdOrCtrl+O',
          click: async () => {
            const picked = await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
            const dir = picked.filePaths[0];
            if (picked.canceled || !dir) return;
            try {
              await openService(dir);
              for (const w of BrowserWindow.getAllWindows()) w.webContents.reload();
            } catch (error) {
              dialog.showErrorBox('Cannot open this library', (error as Error).message);
            }
          },
        },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  handleFileProtocol();
  try {
    await openService(chooseLibrary(libraryFromArgs(), app.getPath('userData')));
  } catch (error) {
    dialog.showErrorBox('Cannot open the library', (error as Error).message);
    app.exit(1);
    return;
  }
  buildMenu();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

/** Opens http(s)/mailto links in the system browser or mail client; anything else is dropped. */
function openOutside(url: string): void {
  const safe = externalLink(url);
  if (safe) void shell.openExternal(safe);
}

// Every web contents (the window and anything it might create): no navigation away from the app,
// no new windows, no <webview>; web links go to the system browser after their scheme is checked.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event, url) => {
    if (isTrustedUrl(url)) return;
    event.preventDefault();
    openOutside(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void runner?.stop();
  void service?.close();
});
