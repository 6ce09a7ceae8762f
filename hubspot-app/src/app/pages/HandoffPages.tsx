// The app's pages: the handoff queue (home) and the shared-metrics dashboard, with HubSpot's page
// router; platform pieces arrive as props (PagesEnv) so tests render them with a fake client.
import type { ReactNode } from 'react';
import { EmptyState, Flex, Text } from '@hubspot/ui-extensions';
import { createPageRouter, PageLink, PageRoutes } from '@hubspot/ui-extensions/pages';
import { DashboardPage } from './DashboardPage.js';
import { PagesEnvContext, type PagesEnv } from './env.js';
import { QueuePage } from './QueuePage.js';

function Layout(props: { children: ReactNode }) {
  return (
    <Flex direction="column" gap="md">
      <Flex direction="row" gap="md">
        <PageLink to="/">Queue</PageLink>
        <PageLink to="/dashboard">Dashboard</PageLink>
      </Flex>
      {props.children}
    </Flex>
  );
}

function NotFound() {
  return (
    <EmptyState title="There is no such Handoff page">
      <Text>Open the queue or the dashboard above.</Text>
    </EmptyState>
  );
}

const Router = createPageRouter(
  <PageRoutes layoutComponent={Layout}>
    <PageRoutes.IndexRoute component={QueuePage} id="queue" />
    <PageRoutes.Route path="/dashboard" component={DashboardPage} id="dashboard" />
    <PageRoutes.AnyRoute component={NotFound} />
  </PageRoutes>,
);

export function HandoffPages(props: PagesEnv) {
  return (
    <PagesEnvContext.Provider value={props}>
      <Router />
    </PagesEnvContext.Provider>
  );
}
