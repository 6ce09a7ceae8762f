// Entry file: wires HubSpot's platform (context, hubspot.fetch) into the card's components.
import { hubspot } from '@hubspot/ui-extensions';
import { Card } from './Card.js';
import { createHandoffClient, newActionId } from './client.js';
import { assigneesOf, objectTypeOf } from './context.js';

const client = createHandoffClient((url, options) => hubspot.fetch(url, options));

hubspot.extend<'crm.record.tab'>(({ context }) => (
  <Card
    client={client}
    objectType={objectTypeOf(context.crm.objectTypeId)}
    objectId={String(context.crm.objectId)}
    timeZone={context.portal.timezone}
    assignees={assigneesOf(context.user)}
    newActionId={newActionId}
  />
));
