// Entry file: wires HubSpot's platform (context, hubspot.fetch) into the app pages.
import { hubspot } from '@hubspot/ui-extensions';
import { createPagesClient, newActionId } from './client.js';
import { HandoffPages } from './HandoffPages.js';

const client = createPagesClient((url, options) => hubspot.fetch(url, options));

hubspot.extend<'pages'>(({ context }) => (
  <HandoffPages
    client={client}
    portalId={context.portal.id}
    timeZone={context.portal.timezone}
    newActionId={newActionId}
  />
));
