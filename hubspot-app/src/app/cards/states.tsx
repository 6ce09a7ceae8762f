// What a person sees while the card waits, and when there is nothing to show or something failed:
// always a sentence, never raw JSON.
import { Button, EmptyState, ErrorState, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import type { Problem } from './client.js';

export function Loading({ what }: { what: string }) {
  return <LoadingSpinner label={`Loading ${what}…`} showLabel layout="centered" testId="loading" />;
}

export function ProblemState({ problem, onRetry }: { problem: Problem; onRetry: () => void }) {
  if (problem.kind === 'refusal') {
    return (
      <ErrorState title="Handoff could not show this record" testId="problem">
        <Text>{problem.refusal.message}</Text>
        <Button onClick={onRetry} testId="retry">
          Try again
        </Button>
      </ErrorState>
    );
  }
  switch (problem.code) {
    case 'not_configured':
      return (
        <EmptyState
          title="Handoff has no playbook yet"
          imageName="building"
          testId="not-configured"
        >
          <Text>
            Handoff is installed, but no playbook is saved, so there are no stages, timers or
            handoffs to show. An admin sets the playbook up in Handoff&apos;s settings page.
          </Text>
        </EmptyState>
      );
    case 'not_covered':
      return (
        <EmptyState title="Not covered by the playbook" imageName="deals" testId="not-covered">
          <Text>{problem.message}</Text>
          <Text variant="microcopy">
            Handoff shows stages, timers and handoffs for the pipelines the playbook maps. An admin
            can add this pipeline to the playbook.
          </Text>
        </EmptyState>
      );
    case 'forbidden':
    case 'unauthorized':
      return (
        <ErrorState title="Handoff cannot show this record to you" type="lock" testId="problem">
          <Text>{problem.message}</Text>
          <Button onClick={onRetry} testId="retry">
            Try again
          </Button>
        </ErrorState>
      );
    default:
      return (
        <ErrorState title="Handoff could not load this record" testId="problem">
          <Text>{problem.message}</Text>
          <Button onClick={onRetry} testId="retry">
            Try again
          </Button>
        </ErrorState>
      );
  }
}
