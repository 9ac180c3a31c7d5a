import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layer rules (see DEVELOPERS.md "How we write code" §1). Each layer's tsconfig enforces the
// same boundaries at typecheck time; lint gives the clearer message.
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'fetch'].map((name) => ({
  name,
  message: 'db/ and common/ run without a DOM.',
}));
const sqliteOnlyInDb = { name: 'better-sqlite3-multiple-ciphers', message: 'Only db/ opens the database.' };
const uiPackages = ['react', 'react-dom', 'antd', 'zustand'].map((name) => ({
  name,
  message: 'UI packages belong to renderer/.',
}));
const noOnlyTests = ['describe', 'it', 'test'].map((object) => ({ object, property: 'only', message: 'No .only in committed tests.' }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'e2e/artifacts/**', 'bench/results/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-properties': ['error', ...noOnlyTests],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'main/**/*.ts', 'db/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', '*.ts', '*.mts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['db/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'db/ never imports electron: main hands it what it needs.' }, ...uiPackages],
          patterns: [{ regex: '(^|/)(main|renderer|preload)(/|$)', message: 'db/ depends on common/ only.' }],
        },
      ],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['common/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'common/ runs in every process.' },
            sqliteOnlyInDb,
            ...uiPackages,
            ...nodeBuiltins.map((name) => ({ name, message: 'common/ runs in the renderer too: no Node modules.' })),
          ],
          patterns: [{ regex: '(^|/)(main|renderer|preload|db)(/|$)', message: 'common/ imports nothing of the other layers.' }],
        },
      ],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches main only through the preload API.' },
            sqliteOnlyInDb,
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer is sandboxed: no Node modules.' })),
          ],
          patterns: [{ regex: '(^|/)(main|db|preload)(/|$)', message: 'The renderer imports common/ only.' }],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', allowImportNames: ['contextBridge', 'ipcRenderer'], message: 'The preload uses contextBridge and ipcRenderer only.' }],
          patterns: [{ regex: '^(?!electron$|\\.\\./common/)', message: 'The preload imports electron and common/ only.' }],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/index.ts', 'main/electron/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only main/index.ts and main/electron/ touch Electron; the rest runs in the plain-Node preview.' },
            sqliteOnlyInDb,
            ...uiPackages,
          ],
          patterns: [{ regex: '(^|/)(renderer|preload)(/|$)', message: 'main/ does not import the renderer or preload.' }],
        },
      ],
    },
  },
  {
    files: ['main/index.ts', 'main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [sqliteOnlyInDb, ...uiPackages] }],
    },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts', '**/test-support.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
