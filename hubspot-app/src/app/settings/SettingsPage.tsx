// Entry file: wires HubSpot's platform (hubspot.fetch, alerts, the clock) into the settings page.
import { hubspot } from '@hubspot/ui-extensions';
import { createSettingsClient } from './api.js';
import { Settings } from './Settings.js';

const client = createSettingsClient((url, options) => hubspot.fetch(url, options));

hubspot.extend<'settings'>(({ actions }) => (
  <Settings client={client} now={() => Date.now()} addAlert={actions.addAlert} />
));
