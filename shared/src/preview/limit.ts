// The guard rail on saving a playbook: how many escalations one save may raise at once unconfirmed.

/** Used when the playbook sets no `guardRails.maxEscalationsOnSave`. */
export const DEFAULT_ESCALATIONS_ON_SAVE = 25;

export function escalationLimitOf(playbook: {
  guardRails?: { maxEscalationsOnSave?: number | undefined } | undefined;
}): number {
  return playbook.guardRails?.maxEscalationsOnSave ?? DEFAULT_ESCALATIONS_ON_SAVE;
}
