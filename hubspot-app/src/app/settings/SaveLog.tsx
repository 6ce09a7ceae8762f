// The playbook's save log: who saved which version when, and what the preview said at the time.
import { Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { PlaybookResponse } from '@handoff/shared/runtime';

export function SaveLog({ saves }: { saves: NonNullable<PlaybookResponse['saves']> }) {
  if (saves.length === 0) return null;
  return (
    <Flex direction="column" gap="xs" testId="save-log">
      <Heading>Saves</Heading>
      {saves.map((save) => (
        <Text key={`${save.savedAt}-${save.fingerprint}`}>
          {`${new Date(save.savedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC — version ${save.version} (${save.fingerprint}) saved by user ${save.savedBy}${save.confirmed ? ', confirmed' : ''}: ${save.summary.length === 0 ? 'no deal changed state' : save.summary.join('; ')}.`}
        </Text>
      ))}
    </Flex>
  );
}
