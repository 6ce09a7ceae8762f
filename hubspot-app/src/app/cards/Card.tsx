// The card's root: picks the record face (deals, contacts) or the company face from the record
// HubSpot shows it on.
import { EmptyState, Text } from '@hubspot/ui-extensions';
import type { HandoffClient, ObjectType } from './client.js';
import { CompanyCard } from './CompanyCard.js';
import { RecordCard } from './RecordCard.js';
import type { Assignee } from './ReviewActions.js';

export interface CardProps {
  client: HandoffClient;
  objectType: ObjectType | undefined;
  objectId: string;
  timeZone: string;
  assignees: Assignee[];
  newActionId: () => string;
}

export function Card(props: CardProps) {
  if (props.objectType === 'deals' || props.objectType === 'contacts') {
    return (
      <RecordCard
        client={props.client}
        objectType={props.objectType}
        recordId={props.objectId}
        timeZone={props.timeZone}
        assignees={props.assignees}
        newActionId={props.newActionId}
      />
    );
  }
  if (props.objectType === 'companies') {
    return (
      <CompanyCard
        client={props.client}
        companyId={props.objectId}
        timeZone={props.timeZone}
        newActionId={props.newActionId}
      />
    );
  }
  return (
    <EmptyState title="Handoff works on contacts, deals and companies" testId="unsupported-object">
      <Text>Add this card to contact, deal or company records.</Text>
    </EmptyState>
  );
}
