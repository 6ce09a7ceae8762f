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

/** The record's page in HubSpot (deals are object type 0-3). */
export function recordUrl(portalId: number, objectType: string, recordId: string): string {
  const type = objectType === 'deal' ? '0-3' : objectType === 'company' ? '0-2' : objectType;
  return `https://app.hubspot.com/contacts/${portalId}/record/${type}/${recordId}`;
}
