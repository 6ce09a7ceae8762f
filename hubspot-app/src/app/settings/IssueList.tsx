// The parser's issues, each with its line and column and the lines around it, so the admin finds
// the place to fix. HubSpot's TextArea offers no way to move its cursor or select a range (its
// props are label, value, rows, readOnly… — developers.hubspot.com/docs/apps/developer-platform/
// add-features/ui-extensions/ui-components/standard-components/text-area), so the numbered excerpt
// stands in for a jump.
import { Flex, Heading, StatusTag, Text } from '@hubspot/ui-extensions';
import type { PlaybookIssue } from '@handoff/shared/runtime';

/** Lines shown either side of the issue's line. */
const AROUND = 1;
const WIDTH = 100;

export function IssueList({
  issues,
  source,
  text,
}: {
  issues: PlaybookIssue[];
  source: string;
  /** The text the issues were read from: absent for issues the server answered about other text. */
  text?: string;
}) {
  if (issues.length === 0) {
    return (
      <StatusTag variant="success" testId="playbook-valid">
        The playbook is valid
      </StatusTag>
    );
  }
  const lines = text?.split('\n');
  return (
    <Flex direction="column" gap="sm" testId="playbook-issues">
      <Heading>{`${issues.length} ${issues.length === 1 ? 'issue' : 'issues'} (${source})`}</Heading>
      {issues.map((issue, i) => (
        <Flex key={`${issue.path}-${i}`} direction="column" gap="flush">
          <Text>
            {issue.line !== undefined && (
              <Text inline format={{ fontWeight: 'demibold' }}>
                {`Line ${issue.line}, column ${issue.column ?? 1}: `}
              </Text>
            )}
            <Text inline format={{ fontWeight: 'demibold' }}>
              {issue.path === '' ? 'playbook' : issue.path}
            </Text>
            {` ${issue.message}`}
            {issue.hint ? ` (${issue.hint})` : ''}
          </Text>
          {lines && issue.line !== undefined && (
            <Excerpt lines={lines} line={issue.line} testId={`issue-excerpt-${i}`} />
          )}
        </Flex>
      ))}
    </Flex>
  );
}

/** The issue's line (marked ›) between its neighbours, numbered as an editor numbers them. */
function Excerpt({ lines, line, testId }: { lines: string[]; line: number; testId: string }) {
  const first = Math.max(1, line - AROUND);
  const last = Math.min(lines.length, line + AROUND);
  const numbers = Array.from({ length: last - first + 1 }, (_, n) => first + n);
  const width = String(last).length;
  return (
    <Flex direction="column" gap="flush" testId={testId}>
      {numbers.map((n) => (
        <Text key={n} variant="microcopy" format={n === line ? { fontWeight: 'bold' } : undefined}>
          {`${n === line ? '›' : '\u00a0'} ${String(n).padStart(width, '\u00a0')} │ ${shown(lines[n - 1] ?? '')}`}
        </Text>
      ))}
    </Flex>
  );
}

/** Indentation kept visible (HTML would collapse it), long lines cut. */
function shown(line: string): string {
  const cut = line.length > WIDTH ? `${line.slice(0, WIDTH)}…` : line;
  return cut.replace(/^ +/, (spaces) => '\u00a0'.repeat(spaces.length));
}
