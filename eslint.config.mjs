// ESLint flat config for the extension's JavaScript, the end-to-end tests and the scripts.
//
// Beyond the recommended rules it bans, in www/, every way to reach the network or to turn a
// string into code or markup: the extension must send nothing anywhere and must never put
// page or file text into an HTML parser. tests/tidy.rs checks the same by text search, so
// neither check alone is trusted.
import js from '@eslint/js';
import globals from 'globals';

const extensionGlobals = { ...globals.browser, chrome: 'readonly', browser: 'readonly' };

const noNetworkNoMarkup = {
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
  'no-restricted-globals': [
    'error',
    { name: 'fetch', message: 'The extension makes no requests.' },
    { name: 'XMLHttpRequest', message: 'The extension makes no requests.' },
    { name: 'WebSocket', message: 'The extension makes no requests.' },
    { name: 'EventSource', message: 'The extension makes no requests.' },
  ],
  'no-restricted-properties': [
    'error',
    { property: 'innerHTML', message: 'Build nodes with createElement and textContent.' },
    { property: 'outerHTML', message: 'Build nodes with createElement and textContent.' },
    { property: 'insertAdjacentHTML', message: 'Build nodes with createElement and textContent.' },
    { property: 'sendBeacon', message: 'The extension makes no requests.' },
    { object: 'document', property: 'write', message: 'Build nodes with createElement.' },
  ],
};

export default [
  { ignores: ['dist/**', 'node_modules/**', 'target/**', 'out/**', 'www/pkg/**'] },
  js.configs.recommended,
  {
    rules: {
      eqeqeq: 'error',
      'no-var': 'error',
      'prefer-const': 'error',
      'no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Content scripts are classic scripts: no modules, strict mode by hand.
    files: ['www/content.js', 'www/snapshot.js'],
    languageOptions: { sourceType: 'script', globals: extensionGlobals },
    rules: { strict: ['error', 'function'], ...noNetworkNoMarkup },
  },
  {
    files: ['www/**/*.js'],
    ignores: ['www/content.js', 'www/snapshot.js'],
    languageOptions: {
      sourceType: 'module',
      globals: { ...extensionGlobals, ...globals.serviceworker },
    },
    rules: noNetworkNoMarkup,
  },
  {
    // Node scripts and tests; callbacks they run inside pages see browser globals.
    files: ['tests/e2e/**/*.mjs', 'scripts/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node, ...globals.browser, chrome: 'readonly' } },
  },
];
