// What every page needs from the platform, handed down by the entry file (tests pass their own).
import { createContext, useContext } from 'react';
import type { PagesClient } from './client.js';

export interface PagesEnv {
  client: PagesClient;
  portalId: number;
  timeZone: string;
  newActionId: () => string;
}

export const PagesEnvContext = createContext<PagesEnv | null>(null);

export function usePagesEnv(): PagesEnv {
  const env = useContext(PagesEnvContext);
  if (!env) throw new Error('Handoff pages are rendered outside HandoffPages.');
  return env;
}

// HubSpot's object type ids: contacts 0-1, companies 0-2, deals 0-3
// (https://developers.hubspot.com/docs/platform/crm-development-tools-overview, "Object type IDs").
const OBJECT_TYPE_IDS: Record<string, string> = {
  contact: '0-1',
  contacts: '0-1',
  company: '0-2',
  companies: '0-2',
  deal: '0-3',
  deals: '0-3',
};

/** The record's page in HubSpot, by its object type id. */
export function recordUrl(portalId: number, objectType: string, recordId: string): string {
  const type = OBJECT_TYPE_IDS[objectType] ?? objectType;
  return `https://app.hubspot.com/contacts/${portalId}/record/${type}/${recordId}`;
}
