import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Proves the lint configuration enforces the layers: each probe breaks one rule in one folder.
const eslint = new ESLint({ cwd: process.cwd() });

async function problemsOf(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('layer rules', () => {
  it.each([
    ['db/probe.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['db/probe.ts', 'export const x = document.title;'],
    ['common/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['common/probe.ts', "import { listAccounts } from '../db/accounts';\nexport const x = listAccounts;"],
    ['renderer/probe.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['renderer/probe.ts', "import path from 'path';\nexport const x = path;"],
    ['renderer/probe.ts', "import { createDeskServices } from '../main/desk-services';\nexport const x = createDeskServices;"],
    ['preload/probe.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;"],
    ['preload/probe.ts', "import { z } from 'zod';\nexport const x = z;"],
    ['main/preview/probe.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['main/session/probe.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const x = Database;"],
  ])('refuses the probe in %s', async (filePath, source) => {
    expect(await problemsOf(filePath, source)).not.toEqual([]);
  });

  it.each([
    ['preload/probe.ts', "import { contextBridge } from 'electron';\nimport { listChannels } from '../common/ipc/contract';\nexport const x = [contextBridge, listChannels];"],
    ['main/electron/probe.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['renderer/probe.ts', "import { listChannels } from '../common/ipc/contract';\nexport const x = listChannels;"],
  ])('accepts the allowed imports in %s', async (filePath, source) => {
    expect(await problemsOf(filePath, source)).toEqual([]);
  });
});
