// The process boundaries of DESIGN.md are lint rules; each must fail on a file that crosses it.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

const cases: { file: string; code: string; why: RegExp }[] = [
  {
    file: 'src-renderer/screens/Bad.tsx',
    code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    why: /no Node modules/,
  },
  {
    file: 'src-renderer/screens/Bad.tsx',
    code: "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
    why: /must not import electron/,
  },
  {
    file: 'src-renderer/screens/Bad.tsx',
    code: "import { createCore } from '../../src-main/core/core';\nexport const x = createCore;\n",
    why: /only through the desktop API/,
  },
  { file: 'src-shared/ticket/bad.ts', code: "import { app } from 'electron';\nexport const x = app;\n", why: /must not import electron/ },
  {
    file: 'src-shared/ticket/bad.ts',
    code: "import { randomUUID } from 'node:crypto';\nexport const x = randomUUID;\n",
    why: /pure TypeScript/,
  },
  { file: 'src-shared/ticket/bad.ts', code: "import { useState } from 'react';\nexport const x = useState;\n", why: /UI libraries/ },
  { file: 'src-shared/ticket/bad.ts', code: 'export const x = () => document.title;\n', why: /no platform/ },
  {
    file: 'src-main/core/bad.ts',
    code: "import { BrowserWindow } from 'electron';\nexport const x = BrowserWindow;\n",
    why: /Only src-main\/electron may import electron/,
  },
  {
    file: 'src-server/bad.ts',
    code: "import { shell } from 'electron';\nexport const x = shell;\n",
    why: /Only src-main\/electron may import electron/,
  },
  {
    file: 'src-server/bad.ts',
    code: "import { createCore } from '../src-main/core/core';\nexport const x = createCore;\n",
    why: /only src-shared and Node/,
  },
  {
    file: 'src-server/bad.ts',
    code: "import { Button } from '@mui/material';\nexport const x = Button;\n",
    why: /must not import screens or UI libraries/,
  },
  {
    file: 'src-server/bad.ts',
    code: "import { useState } from 'react';\nexport const x = useState;\n",
    why: /must not import screens or UI libraries/,
  },
  {
    file: 'src-main/preview/bad.ts',
    code: "import { app } from 'electron';\nexport const x = app;\n",
    why: /Only src-main\/electron may import electron/,
  },
  {
    file: 'src-main/preview/bad.ts',
    code: "import { createRoot } from 'react-dom/client';\nexport const x = createRoot;\n",
    why: /must not import screens or UI libraries/,
  },
  {
    file: 'migrations/central/bad.ts',
    code: "import { ROLES } from '../../src-shared/api/hub';\nexport const x = ROLES;\n",
    why: /frozen in time/,
  },
];

describe('import boundaries (lint)', () => {
  it.each(cases)('$file fails: $why', async ({ file, code, why }) => {
    const errors = await boundaryErrors(file, code);
    expect(errors.join('\n')).toMatch(why);
  });

  it('the same imports are allowed where they belong', async () => {
    expect(await boundaryErrors('src-main/electron/ok.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
    expect(
      await boundaryErrors('src-main/core/ok.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        'src-renderer/ok.tsx',
        "import { z } from 'zod';\nimport { APP_VERSION } from '../src-shared/version';\nexport const x = [z, APP_VERSION];\n",
      ),
    ).toEqual([]);
    expect(await boundaryErrors('migrations/central/ok.ts', "import { sql } from 'kysely';\nexport const x = sql;\n")).toEqual([]);
  });
});
