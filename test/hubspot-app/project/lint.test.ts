import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${filePath}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

describe("HubSpot's lint rules for UI extensions", () => {
  const bad = [
    "import { helper } from '../settings/api.js';",
    "export const load = () => fetch('https://api.handoff.example');",
    'export const title = () => document.title;',
    '',
  ].join('\n');

  it('when card code imports across folders, uses native fetch or the DOM, then the repo lint refuses it', async () => {
    const ids = await ruleIds(bad, 'hubspot-app/src/app/cards/Bad.ts');
    expect(ids).toEqual(
      expect.arrayContaining([
        '@hubspot/ui-extensions/no-parent-imports',
        '@hubspot/ui-extensions/no-native-http',
        '@hubspot/ui-extensions/no-dom-access',
      ]),
    );
  });

  it('applies only to the extension sources, not to the backend', async () => {
    const ids = await ruleIds(bad, 'hubspot-app/backend/Bad.ts');
    expect(ids.filter((id) => id.startsWith('@hubspot/'))).toEqual([]);
  });
});
