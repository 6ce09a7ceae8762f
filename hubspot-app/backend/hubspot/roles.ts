// The viewer's roles from their HubSpot teams, mapped by the playbook. Owners (with teams) are read
// once per portal and kept for 60 s, so a card view usually costs no extra CRM call for roles.
import type { Playbook } from '@handoff/shared';
import type { Clock } from '../clock.js';

export interface OwnerTeams {
  userId: string;
  ownerId: string;
  /** What HubSpot shows for the owner: first and last name, or the email when there is none. */
  name: string;
  teams: { id: string; name: string }[];
}

export const ROLE_CACHE_MS = 60_000;

export class RoleResolver {
  private readonly cache = new Map<string, { at: number; owners: Map<string, OwnerTeams> }>();

  constructor(
    private readonly clock: Clock,
    private readonly load: (portalId: string) => Promise<OwnerTeams[]>,
  ) {}

  async rolesOf(portalId: string, userId: string, playbook: Playbook): Promise<string[]> {
    const owner = (await this.owners(portalId)).get(userId);
    if (!owner) return [];
    return Object.entries(playbook.roles)
      .filter(([, role]) =>
        owner.teams.some((t) =>
          role.hubspotTeams?.some((team) => team === t.name || team === t.id),
        ),
      )
      .map(([id]) => id);
  }

  /** Owner ids of the people holding each of the playbook's roles (for tasks to "every CS manager"). */
  async ownersByRole(
    portalId: string,
    playbook: Playbook,
  ): Promise<{
    byRole: Record<string, string[]>;
    ownerOfUser: (userId: string) => string | undefined;
    nameOfUser: (userId: string) => string | undefined;
  }> {
    const owners = await this.owners(portalId);
    const byRole: Record<string, string[]> = {};
    for (const [roleId, role] of Object.entries(playbook.roles)) {
      byRole[roleId] = [...owners.values()]
        .filter((o) =>
          o.teams.some((t) => role.hubspotTeams?.some((team) => team === t.name || team === t.id)),
        )
        .map((o) => o.ownerId);
    }
    return {
      byRole,
      ownerOfUser: (userId) => owners.get(userId)?.ownerId,
      nameOfUser: (userId) => owners.get(userId)?.name || undefined,
    };
  }

  /** Display names of these users, for those HubSpot knows as owners. */
  async namesOf(portalId: string, userIds: Iterable<string>): Promise<Record<string, string>> {
    const owners = await this.owners(portalId);
    const names: Record<string, string> = {};
    for (const userId of userIds) {
      const name = owners.get(userId)?.name;
      if (name) names[userId] = name;
    }
    return names;
  }

  async owners(portalId: string): Promise<Map<string, OwnerTeams>> {
    const cached = this.cache.get(portalId);
    const now = this.clock.now();
    if (cached && now - cached.at < ROLE_CACHE_MS) return cached.owners;
    const owners = new Map((await this.load(portalId)).map((o) => [o.userId, o]));
    this.cache.set(portalId, { at: now, owners });
    return owners;
  }
}
