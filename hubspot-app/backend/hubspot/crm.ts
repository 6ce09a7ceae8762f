// Calls to one portal's HubSpot through the official client. Every call is made with that
// portal's own token, so a request can never read another portal's records.
import { Client } from '@hubspot/api-client';
import type { Playbook } from '@handoff/shared';
import { dealProperties, type HubSpotObject } from './mapping.js';
import type { OwnerTeams } from './roles.js';

export interface Crm {
  getDeal(dealId: string, playbook: Playbook): Promise<HubSpotObject | null>;
  getCompanyDeals(companyId: string, playbook: Playbook): Promise<HubSpotObject[] | null>;
  getOwners(): Promise<OwnerTeams[]>;
}

export class CrmError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function hubspotCrm(basePath: string, accessToken: string): Crm {
  // Three attempts in all: the client retries 5xx and HubSpot's documented 429s itself.
  const client = new Client({ accessToken, basePath, numberOfApiCallRetries: 3 });
  return {
    async getDeal(dealId, playbook) {
      try {
        const deal = await client.crm.deals.basicApi.getById(dealId, dealProperties(playbook));
        return { id: deal.id, properties: deal.properties };
      } catch (error) {
        if (statusOf(error) === 404) return null;
        throw asCrmError(error);
      }
    },

    async getCompanyDeals(companyId, playbook) {
      try {
        const ids: string[] = [];
        let after: string | undefined;
        do {
          const page = await client.crm.associations.v4.basicApi.getPage(
            'companies',
            companyId,
            'deals',
            after,
            500,
          );
          ids.push(...page.results.map((r) => String(r.toObjectId)));
          after = page.paging?.next?.after;
        } while (after);
        const deals: HubSpotObject[] = [];
        for (let i = 0; i < ids.length; i += 100) {
          const batch = await client.crm.deals.batchApi.read({
            inputs: ids.slice(i, i + 100).map((id) => ({ id })),
            properties: dealProperties(playbook),
            propertiesWithHistory: [],
          });
          deals.push(...batch.results.map((d) => ({ id: d.id, properties: d.properties })));
        }
        return deals;
      } catch (error) {
        if (statusOf(error) === 404) return null;
        throw asCrmError(error);
      }
    },

    async getOwners() {
      try {
        const owners: OwnerTeams[] = [];
        let after: string | undefined;
        do {
          const page = await client.crm.owners.ownersApi.getPage(undefined, after, 500, false);
          for (const o of page.results) {
            if (o.userId === undefined) continue;
            owners.push({
              userId: String(o.userId),
              ownerId: o.id,
              teams: (o.teams ?? []).map((t) => ({ id: t.id, name: t.name })),
            });
          }
          after = page.paging?.next?.after;
        } while (after);
        return owners;
      } catch (error) {
        throw asCrmError(error);
      }
    },
  };
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'number'
    ? error.code
    : undefined;
}

function asCrmError(error: unknown): CrmError {
  const status = statusOf(error);
  if (status === 429)
    return new CrmError(429, 'HubSpot is busy (rate limit); try again in a few seconds.');
  if (status === 401 || status === 403)
    return new CrmError(
      502,
      'HubSpot refused our access to this portal; an admin may need to reinstall Handoff.',
    );
  return new CrmError(502, 'HubSpot did not answer as expected; try again.');
}
