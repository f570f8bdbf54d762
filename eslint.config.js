// The architecture, enforced: which code may import what (DESIGN.md "One service, three doors"),
// plus typescript-eslint with type information, React's hook rules and jsx-a11y.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_ONLY = [
  'better-sqlite3',
  'sharp',
  '@napi-rs/canvas',
  'tesseract.js',
  'tesseract.js-core',
  'pdfjs-dist/legacy/*',
  'exifr',
  'tar',
  'file-type',
];
const electronOnlyInShell = {
  name: 'electron',
  message:
    'Only the shell (src/main/index.ts, src/main/ipc.ts) and the preload import electron: everything else runs under plain Node.',
};

/** The folders of src/main, and which others each may import (besides src/shared). */
const CAPABILITY_IMPORTS = {
  // The base: the library folder, SQLite and migrations. documents/store is allowed for one reason:
  // opening a library clears the temp copies that killed imports left (catalogue/library.ts).
  // The handler context also carries the door's path rule (documents/path-rule).
  catalogue: ['documents/store', 'documents/path-rule'],
  search: ['catalogue'],
  documents: ['catalogue', 'search'],
  settings: ['catalogue', 'cite'],
  cite: ['catalogue', 'settings'],
  exchange: ['catalogue', 'cite', 'settings', 'documents', 'search'],
};
const MAIN_FOLDERS = ['catalogue', 'search', 'documents', 'settings', 'cite', 'exchange', 'service', 'host', 'cli'];

function capabilityRules(folder, allowed) {
  const forbidden = MAIN_FOLDERS.filter((f) => f !== folder && f !== 'service' && !allowed.some((a) => a === f));
  const partial = allowed.filter((a) => a.includes('/'));
  return {
    files: [`src/main/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            {
              // A relative import that climbs to src/main and enters a folder this one may not use.
              regex: `^(\\.\\./)+(${forbidden.join('|')})/(?!(?:${partial.map((p) => p.split('/')[1]).join('|') || '$^'})$)`,
              message: `src/main/${folder} may import only ${allowed.join(', ') || 'itself'} of src/main (and src/shared): see eslint.config.js and docs/architecture.md.`,
            },
            // Handlers are typed by service/handler-types. Background work (the job runner, the snapshot keeper,
            // verify) runs beside the catalogue and talks to it through the Service interface, like a door.
            {
              regex: '^(\\.\\./)+service/(?!handler-types$|service$)',
              message:
                'a capability is called by the service; it may only use the Service interface and the handler types.',
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.bench/**', 'resources/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `void promise` marks a deliberately unawaited call (event handlers, fire-and-forget refreshes).
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Finding control characters is part of the job here (terminal-safe output, file names, telling
      // text from binary), so regular expressions name them on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  // Tests: vitest's asymmetric matchers (expect.any, expect.stringContaining) are typed `any`, and
  // Playwright's page functions run in the browser, typed without the DOM library here.
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Stubs of async interfaces, and figures printed whatever their type.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  // Node everywhere but the renderer.
  {
    files: ['src/main/**', 'src/preload/**', 'tests/**', '*.ts', '*.mts', '*.js'],
    languageOptions: { globals: globals.node },
  },
  // The shell and the preload: the only importers of electron.
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/ipc.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }] },
  },
  ...Object.entries(CAPABILITY_IMPORTS).map(([folder, allowed]) => capabilityRules(folder, allowed)),
  // src/shared runs everywhere (renderer, worker, Node): no Node, no native modules, no electron, no main or renderer.
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: globals['shared-node-browser'] },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnlyInShell,
            ...NODE_ONLY.filter((n) => !n.includes('*')).map((name) => ({
              name,
              message: 'src/shared runs in the renderer too: no Node or native modules.',
            })),
          ],
          patterns: [
            { regex: '^node:', message: 'src/shared runs in the renderer too: no Node built-ins.' },
            {
              regex: '^(\\.\\./)+(main|renderer|preload)/',
              message: 'src/shared imports nothing from the processes that use it.',
            },
          ],
        },
      ],
    },
  },
  // The renderer talks only to window.archive: no src/main, no Node, no electron.
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The React Compiler's own rules (v7 adds them to "recommended"): the app does not use the
      // compiler, and the patterns they flag are deliberate here (state reset when a record id
      // changes, the virtual list's window kept in refs). rules-of-hooks and exhaustive-deps stay.
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'react-hooks/incompatible-library': 'off',
      'react-hooks/immutability': 'off',
      ...jsxA11y.flatConfigs.recommended.rules,
      // Scrollable panes (lists, the page text, previews) are focusable so keyboard users can scroll
      // them: axe's scrollable-region-focusable, which the e2e accessibility tests enforce.
      'jsx-a11y/no-noninteractive-tabindex': 'off',
      // Dialogs put focus on their first control, as the WAI-ARIA dialog pattern asks.
      'jsx-a11y/no-autofocus': 'off',
      // Archive audio and video come as they were recorded: there are no captions to attach.
      'jsx-a11y/media-has-caption': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnlyInShell,
            ...NODE_ONLY.filter((n) => !n.includes('*')).map((name) => ({
              name,
              message: 'the renderer runs in Chromium, not Node.',
            })),
          ],
          patterns: [
            {
              regex: '^node:',
              message: 'the renderer runs in Chromium, not Node: ask the service through window.archive.',
            },
            {
              regex: '^(\\.\\./)+(main|preload)/',
              message: 'the renderer talks only to window.archive (src/shared/client.ts), never to src/main.',
            },
          ],
        },
      ],
    },
  },
);
