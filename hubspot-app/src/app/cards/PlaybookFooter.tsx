// The card's last line: which playbook decided it, named as the Salesforce panel names it
// ("Playbook v2 · 3f9a1c2e"), so a person can see at a glance whether both CRMs run the same one.
import { Text } from '@hubspot/ui-extensions';
import { playbookLabel, type RecordView } from '@handoff/shared/runtime';

export function PlaybookFooter({ playbook }: { playbook: RecordView['playbook'] }) {
  return (
    <Text variant="microcopy" testId="playbook-footer">
      {`${playbookLabel(playbook)} — ${playbook.name}`}
    </Text>
  );
}
