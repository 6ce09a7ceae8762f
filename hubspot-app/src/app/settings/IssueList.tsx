// The parser's issues, each with its path in the playbook, so the admin finds the line to fix.
import { Flex, Heading, StatusTag, Text } from '@hubspot/ui-extensions';
import type { PlaybookIssue } from '@handoff/shared/runtime';

export function IssueList({ issues, source }: { issues: PlaybookIssue[]; source: string }) {
  if (issues.length === 0) {
    return (
      <StatusTag variant="success" testId="playbook-valid">
        The playbook is valid
      </StatusTag>
    );
  }
  return (
    <Flex direction="column" gap="xs" testId="playbook-issues">
      <Heading>{`${issues.length} ${issues.length === 1 ? 'issue' : 'issues'} (${source})`}</Heading>
      {issues.map((issue, i) => (
        <Text key={`${issue.path}-${i}`}>
          <Text inline format={{ fontWeight: 'demibold' }}>
            {issue.path === '' ? 'playbook' : issue.path}
          </Text>
          {` ${issue.message}`}
          {issue.hint ? ` (${issue.hint})` : ''}
        </Text>
      ))}
    </Flex>
  );
}
