// deploy: converts the SFDX source to metadata format with Salesforce's own library, deploys the zip
// through jsforce's metadata API (SOAP deploy, then checkStatus until done) and prints every
// component failure with its source file and line. Check-only validates without saving.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import type { OrgApi } from './api.js';
import type { CliDeps } from './cli.js';
import {
  activatePlaybook,
  compareLines,
  loadPushedPlaybook,
  named,
  readOrgPlaybook,
  samePlaybook,
  writePlaybookMetadata,
} from './playbook-push.js';

const DEFAULT_SOURCE = fileURLToPath(new URL('../force-app', import.meta.url));

interface Failure {
  componentType?: string;
  fullName?: string;
  fileName?: string;
  problem?: string;
  lineNumber?: string | number;
  columnNumber?: string | number;
}

export interface DeployOptions {
  sourceDirs: string[];
  checkOnly: boolean;
  pollIntervalMs?: number;
  pollTimeoutMs?: number;
}

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export async function deploy(
  api: OrgApi,
  options: DeployOptions,
  deps: Pick<CliDeps, 'out' | 'err'>,
): Promise<number> {
  const components = ComponentSet.fromSource({ fsPaths: options.sourceDirs });
  const converted = await new MetadataConverter().convert(components, 'metadata', { type: 'zip' });
  if (!converted.zipBuffer) throw new Error('the source did not convert to a zip');
  // Failures name the metadata-format component; show the source file a developer edits.
  const sources = new Map<string, string>();
  for (const component of components.getSourceComponents()) {
    const path = component.xml ?? component.content;
    if (path) sources.set(`${component.type.name}:${component.fullName}`, path);
  }
  const metadata = api.conn.metadata;
  metadata.pollInterval = options.pollIntervalMs ?? 2_000;
  metadata.pollTimeout = options.pollTimeoutMs ?? 20 * 60_000;
  const result = await metadata
    .deploy(converted.zipBuffer, {
      checkOnly: options.checkOnly,
      rollbackOnError: true,
      singlePackage: true,
    })
    .complete(true);
  const details = (result.details ?? {}) as { componentFailures?: Failure | Failure[] };
  const failures = list(details.componentFailures);
  for (const failure of failures) {
    const source =
      sources.get(`${failure.componentType ?? ''}:${failure.fullName ?? ''}`) ??
      failure.fileName ??
      '?';
    const at = failure.lineNumber
      ? `:${failure.lineNumber}${failure.columnNumber ? `:${failure.columnNumber}` : ''}`
      : '';
    deps.err(
      `${source}${at}: ${failure.componentType ?? ''} ${failure.fullName ?? ''}: ${failure.problem ?? 'failed'}`,
    );
  }
  const mode = options.checkOnly ? 'check-only deploy' : 'deploy';
  const ok = String(result.success) === 'true' && failures.length === 0;
  if (ok)
    deps.out(
      `${mode} ${result.id} succeeded: ${String(result.numberComponentsDeployed ?? components.size)} components`,
    );
  else
    deps.err(
      `${mode} ${result.id} failed (${String(result.status)}): ${failures.length} component failure(s)`,
    );
  return ok ? 0 : 1;
}

export async function deployCommand(
  args: readonly string[],
  api: OrgApi,
  deps: CliDeps,
): Promise<number> {
  const sourceDirs = args.flatMap((arg, i) =>
    arg === '--source-dir' && args[i + 1] ? [args[i + 1] as string] : [],
  );
  const checkOnly = args.includes('--check-only');
  const pushed = await loadPushedPlaybook(args, deps.env);
  const org = await readOrgPlaybook(api);
  for (const line of compareLines(org, pushed)) deps.out(line);
  // The pushed playbook's rules deploy with the package, as `default-playbook/` does for the default.
  const rulesDir = pushed ? mkdtempSync(join(tmpdir(), 'handoff-playbook-')) : undefined;
  try {
    if (pushed && rulesDir) writePlaybookMetadata(pushed.playbook, rulesDir);
    const code = await deploy(
      api,
      {
        sourceDirs: [
          ...(sourceDirs.length > 0 ? sourceDirs : [DEFAULT_SOURCE]),
          ...(rulesDir ? [rulesDir] : []),
        ],
        checkOnly,
      },
      deps,
    );
    if (code !== 0 || !pushed) return code;
    if (checkOnly) {
      deps.out(`Check-only: the org keeps ${org.playbook ? named(org.playbook) : 'no playbook'}.`);
      return 0;
    }
    if (!samePlaybook(org, pushed)) await activatePlaybook(api, org, pushed.playbook);
    deps.out(`The org now runs ${named(pushed.playbook)}.`);
    return 0;
  } finally {
    if (rulesDir) rmSync(rulesDir, { recursive: true, force: true });
  }
}
