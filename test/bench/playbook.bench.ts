// parsePlaybook on the default playbook, and what the runtime entry costs a card or Lightning component.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parsePlaybook, parsePlaybookText } from '../../shared/dist/src/index.js';
import { bundleRuntime } from '../shared/runtime-bundle.js';
import { formatRate, line, measure, section } from './lib.js';

export default async function (): Promise<void> {
  section('Playbook');
  const text = readFileSync(
    fileURLToPath(new URL('../../shared/playbooks/default.yaml', import.meta.url)),
    'utf8',
  );
  const data = parse(text) as unknown;
  const parsed = measure('parsePlaybook(default, as data)', () => parsePlaybook(data));
  line(
    'parsePlaybook, default playbook already read as data',
    `${formatRate(parsed.opsPerSecond)} (${(1000 / parsed.opsPerSecond).toFixed(3)} ms each)`,
  );
  const fromText = measure('parsePlaybookText(default YAML)', () => parsePlaybookText(text), 500);
  line(
    'parsePlaybookText, default playbook from YAML',
    `${formatRate(fromText.opsPerSecond)} (${(1000 / fromText.opsPerSecond).toFixed(3)} ms each)`,
  );

  section('Runtime bundle (@handoff/shared/runtime, esbuild --minify, es2021)');
  const bundle = await bundleRuntime();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  line('minified', kb(bundle.bytes));
  line('  of which zod/mini', kb(bundle.zodBytes));
  line('  of which the core', kb(bundle.bytes - bundle.zodBytes));
  line('minified + gzip', kb(gzipSync(bundle.text).byteLength));
}
