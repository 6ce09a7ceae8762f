// parsePlaybook on the default playbook, and what the runtime entry costs a card or Lightning component.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import {
  evaluateRule,
  parsePlaybook,
  parsePlaybookText,
  type Playbook,
} from '../../shared/dist/src/index.js';
import { bundleRuntime } from '../shared/runtime-bundle.js';
import { formatRate, line, measure, section } from './lib.js';
import { WORST_PATTERN, WORST_VALUE } from './worst-pattern.js';

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

  section('Criteria: matches (linear-time matcher, issue 17)');
  const playbook = { fields: { code: { type: 'text', label: 'Code' } } } as unknown as Playbook;
  const matches = (pattern: string, code: string) => () =>
    evaluateRule(
      { op: 'matches', field: 'code', pattern },
      { playbook, fields: { code }, handoffs: {} },
    );
  // RegExp took 5–10 s on this one (exponential backtracking); one state set per character here.
  const hostile = measure('^(a+)+$ on 27 a + b', matches('^(a+)+$', `${'a'.repeat(27)}b`));
  line('matches ^(a+)+$, 28-character near miss', formatRate(hostile.opsPerSecond));
  // The largest pattern allowed on the longest value it reads; timed by hand, as measure()'s
  // 1,000 warm-up runs would take long.
  const worst = matches(WORST_PATTERN, WORST_VALUE);
  for (let i = 0; i < 5; i++) worst();
  const started = performance.now();
  for (let i = 0; i < 20; i++) worst();
  line(
    'matches, largest pattern on its longest value',
    `${((performance.now() - started) / 20).toFixed(1)} ms each`,
  );

  section('Runtime bundle (@handoff/shared/runtime, esbuild --minify, es2021)');
  const bundle = await bundleRuntime();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  line('minified', kb(bundle.bytes));
  line('  of which zod/mini', kb(bundle.zodBytes));
  line('  of which the core', kb(bundle.bytes - bundle.zodBytes));
  line('minified + gzip', kb(gzipSync(bundle.text).byteLength));
}
