// The context HubSpot hands an extension, built for the chosen viewer from the seeded people.
import type { Person } from './api.js';

export function userContext(viewer: Person, people: Person[]) {
  const [firstName = '', lastName = ''] = viewer.name.split(' ');
  return {
    id: Number(viewer.userId),
    email: `${firstName.toLowerCase()}@handoff-demo.example`,
    emails: [],
    firstName,
    lastName,
    roles: [],
    permissions: [],
    locale: 'en-US',
    teams: [
      {
        id: 0,
        name: viewer.team,
        teammates: people
          .filter((p) => p.team === viewer.team && p.userId !== viewer.userId)
          .map((p) => Number(p.userId)),
      },
    ],
  };
}

export const noActions = {
  addAlert: () => undefined,
  reloadPage: () => undefined,
  openIframeModal: () => undefined,
  refreshObjectProperties: () => undefined,
  onCrmPropertiesUpdate: () => undefined,
  fetchCrmObjectProperties: async () => ({}),
};
