/**
 * The Electron shell: one hardened window over the renderer, the catalogue in a worker thread,
 * and the IPC binding. Everything else lives behind the service and runs without Electron; the
 * shell's own rules (which URLs are ours, what app:// serves, grants, the desktop door) are plain
 * modules in shell/, unit-tested.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { app, BrowserWindow, dialog, Menu, protocol, session, shell } from 'electron';
import { receiveUpload, serveSearchablePdf, serveStoredFile, toWebBody } from './documents/serve';
import { openHostLibrary } from './host/library';
import { bindIpc } from './ipc';
import { externalLink } from './external-link';
import { chooseLibrary, LIBRARY_ENV, resourcePath } from './locations';
import { serveSearchSnapshot } from './search/serve-snapshot';
import { LibrarySwitch } from './service/library-switch';
import { appFile } from './shell/app-protocol';
import { Grants } from './shell/grants';
import { leavePrompt, leaves } from './shell/leave';
import { APP_INDEX_URL, APP_SCHEME, fileProtocolCors, isTrustedUrl as isTrusted } from './shell/trusted-url';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const devUrl = process.env.ELECTRON_RENDERER_URL;
const isTrustedUrl = (url: string) => isTrusted(url, devUrl);

/** The library open now, with its catalogue worker, job runner and snapshot keeper. */
let libraries: LibrarySwitch | null = null;
/** What the user picked in the system dialog: the only paths (besides the library) the window may use. */
const grants = new Grants();

/**
 * The renderer is served from app://renderer/ (not file://); stored files reach it through
 * civic-file://files/<sha256> (only hashes the catalogue knows, never a path) and uploads (drag and
 * drop) go to civic-file://upload?name=...; civic-file://searchable/<file id> is a scan as a searchable PDF.
 */
const FILE_SCHEME = 'civic-file';
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  {
    scheme: FILE_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
  },
]);

function handleAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = appFile(request.url, request.method, rendererDir);
    if (answer.status !== 200)
      return new Response(answer.reason, { status: answer.status, headers: { 'Content-Type': 'text/plain' } });
    const body = request.method === 'HEAD' ? null : await fs.promises.readFile(answer.file);
    return new Response(body, {
      status: 200,
      headers: { 'Content-Type': answer.type, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}

function handleFileProtocol(): void {
  // The window's pages are another origin (app://renderer): its uploads and reads are cross-origin,
  // allowed for that origin exactly.
  const cors = fileProtocolCors(devUrl);
  protocol.handle(FILE_SCHEME, async (request) => {
    const url = new URL(request.url);
    const current = libraries;
    if (!current) return new Response('no library', { status: 503 });
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          ...cors,
          'Access-Control-Allow-Methods': 'GET, HEAD, POST',
          'Access-Control-Allow-Headers': 'Content-Type, Range',
        },
      });
    }
    const searchable = url.host === 'searchable' && request.method === 'GET';
    if (searchable || (url.host === 'files' && (request.method === 'GET' || request.method === 'HEAD'))) {
      const name = url.pathname.replace(/^\//, '');
      const out = searchable
        ? await serveSearchablePdf(current.service, current.root, name)
        : await serveStoredFile(current.service, current.root, name, request.headers.get('range') ?? undefined);
      const headers = { ...out.headers, ...cors };
      return new Response(
        request.method === 'HEAD' ? null : (toWebBody(out.body) as ConstructorParameters<typeof Response>[0]),
        { status: out.status, headers },
      );
    }
    if (url.host === 'search' && url.pathname === '/snapshot' && request.method === 'GET') {
      const out = await serveSearchSnapshot(() => current.service.call('searchSnapshotInfo', {}), current.root);
      return new Response(toWebBody(out.body) as ConstructorParameters<typeof Response>[0], {
        status: out.status,
        headers: { ...out.headers, ...cors },
      });
    }
    if (url.host === 'upload' && request.method === 'POST' && request.body) {
      const length = request.headers.get('content-length');
      const { status, result } = await receiveUpload(
        current.service,
        current.root,
        url.searchParams,
        Readable.fromWeb(request.body as never),
        length ? Number(length) : null,
      );
      current.kick();
      return new Response(JSON.stringify(result), { status, headers: { 'Content-Type': 'application/json', ...cors } });
    }
    return new Response('not found', { status: 404 });
  });
}

function libraryFromArgs(): string | undefined {
  const i = process.argv.indexOf('--library');
  return i >= 0 ? process.argv[i + 1] : process.env[LIBRARY_ENV];
}

const openAppLibrary = (dir: string) => openHostLibrary(dir, undefined, 'app');

/** Opens the first library and binds the window's door to whichever library is open. */
async function openFirstLibrary(libraryDir: string): Promise<void> {
  // The window cannot switch libraries itself (openLibrary gets the handlers' answer): File → Open Library does.
  const opened = new LibrarySwitch(await openAppLibrary(libraryDir), openAppLibrary, false);
  libraries = opened;
  bindIpc({ service: opened.service, grants, libraryRoot: () => opened.root, isTrustedUrl });
}

/**
 * A record form with unsaved typing holds the page (`beforeunload`); without this Electron would
 * silently keep the window open. Ask Leave / Stay instead, in the interface language: the page's
 * `lang`, read whenever the window loads, gains or loses focus or is about to close (the question
 * must be answered synchronously, so it cannot be read at that moment), else the system's.
 */
function holdUnsavedWork(win: BrowserWindow): void {
  let language: string | null = null;
  const readLanguage = () => {
    if (win.isDestroyed()) return;
    win.webContents
      .executeJavaScript('document.documentElement.lang')
      .then((lang: unknown) => {
        if (typeof lang === 'string' && lang) language = lang;
      })
      .catch(() => {
        // A page that is going away: keep the language last read.
      });
  };
  win.webContents.on('did-finish-load', readLanguage);
  win.on('focus', readLanguage);
  win.on('blur', readLanguage);
  win.on('close', readLanguage);
  win.webContents.on('will-prevent-unload', (event) => {
    const answer = dialog.showMessageBoxSync(win, leavePrompt(language ?? app.getLocale()));
    // preventDefault here overrides the page's hold: the window closes or reloads.
    if (leaves(answer)) event.preventDefault();
  });
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
  holdUnsavedWork(win);
  void win.loadURL(devUrl ?? APP_INDEX_URL);
  return win;
}

/** File → Open Library…. */
async function openAnotherLibrary(): Promise<void> {
  const picked = await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
  const dir = picked.filePaths[0];
  if (picked.canceled || !dir) return;
  if (!libraries) return;
  // The new library is opened first; the current one is closed only once it is (a refused
  // folder leaves the window on the library it had).
  const opened = await libraries.openLibrary({ path: dir, create: true });
  if (!opened.ok) return dialog.showErrorBox('Cannot open this library', opened.error.message);
  for (const w of BrowserWindow.getAllWindows()) w.webContents.reload();
}

function buildMenu(): void {
  const template: Electron.MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        {
          label: 'Open Library…',
          accelerator: 'CmdOrCtrl+O',
          click: () => void openAnotherLibrary(),
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

void app.whenReady().then(async () => {
  // No camera, microphone, notifications, geolocation, HID, serial or USB device: the archive needs none.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
  handleAppProtocol();
  handleFileProtocol();
  try {
    await openFirstLibrary(chooseLibrary(libraryFromArgs(), app.getPath('userData')));
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
  void libraries?.service.close();
});
