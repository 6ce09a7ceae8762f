// The sandbox's own look at the emulated HubSpot portal (deal list, companies, notes and tasks),
// through its public API with a token the emulator issues, as a HubSpot user's screen would show it.
import type { HubSpotEmulator } from '../emulators/hubspot/index.js';

export interface HubSpotRecord {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, { value: string | null; timestamp: string }[]>;
}

export class CrmReader {
  constructor(
    private readonly emulator: HubSpotEmulator,
    private readonly portalId: string,
  ) {}

  async #get(path: string, init?: RequestInit): Promise<unknown> {
    // A fresh token per call: the sandbox's clock jumps, and tokens expire on that clock.
    const { accessToken } = this.emulator.issueToken(this.portalId);
    const response = await fetch(`${this.emulator.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    });
    if (!response.ok) throw new Error(`HubSpot emulator answered ${response.status} for ${path}`);
    return response.json();
  }

  async list(objectType: string, properties: readonly string[]): Promise<HubSpotRecord[]> {
    const all: HubSpotRecord[] = [];
    let after: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '100', properties: properties.join(',') });
      if (after) query.set('after', after);
      const page = (await this.#get(`/crm/v3/objects/${objectType}?${query}`)) as {
        results: HubSpotRecord[];
        paging?: { next?: { after: string } };
      };
      all.push(...page.results);
      after = page.paging?.next?.after;
    } while (after);
    return all;
  }

  /** Deal (or `fromType`) id → ids of its associated objects of one type. */
  async associations(
    dealIds: readonly string[],
    toType: string,
    fromType = 'deals',
  ): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (let i = 0; i < dealIds.length; i += 1000) {
      const page = (await this.#get(`/crm/v4/associations/${fromType}/${toType}/batch/read`, {
        method: 'POST',
        body: JSON.stringify({ inputs: dealIds.slice(i, i + 1000).map((id) => ({ id })) }),
      })) as { results: { from: { id: string }; to: { toObjectId: string | number }[] }[] };
      for (const r of page.results)
        out.set(
          r.from.id,
          r.to.map((t) => String(t.toObjectId)),
        );
    }
    return out;
  }

  /** These records; `history` names properties read with their history, 50 records a call. */
  async read(
    objectType: string,
    ids: readonly string[],
    properties: readonly string[],
    history: readonly string[] = [],
  ): Promise<HubSpotRecord[]> {
    const out: HubSpotRecord[] = [];
    for (let i = 0; i < ids.length; i += 50) {
      const inputs = ids.slice(i, i + 50).map((id) => ({ id }));
      const page = (await this.#get(`/crm/v3/objects/${objectType}/batch/read`, {
        method: 'POST',
        body: JSON.stringify({
          inputs,
          properties,
          ...(history.length > 0 ? { propertiesWithHistory: history } : {}),
        }),
      })) as { results: HubSpotRecord[] };
      out.push(...page.results);
    }
    return out;
  }

  /** Owner id → the name HubSpot shows for them (tasks are assigned to owners). */
  async ownerNames(): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    let after: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '500' });
      if (after) query.set('after', after);
      const page = (await this.#get(`/crm/v3/owners?${query}`)) as {
        results: { id: string; firstName?: string; lastName?: string; email?: string }[];
        paging?: { next?: { after: string } };
      };
      for (const o of page.results)
        names.set(o.id, [o.firstName, o.lastName].filter(Boolean).join(' ') || o.email || o.id);
      after = page.paging?.next?.after;
    } while (after);
    return names;
  }
}
