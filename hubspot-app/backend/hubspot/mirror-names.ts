// The names of the properties that mirror Handoff's state into HubSpot (provisioning creates them,
// the outbox and the scanner write them, reads ask for them): derived from playbook ids.
import { objectOfSla, type Playbook, type RecordObject } from '@handoff/shared';

export const handoffProperty = (handoffId: string, what: string) => `handoff_${handoffId}_${what}`;
export const slaProperty = (slaId: string, what: string) => `handoff_sla_${slaId}_${what}`;
/** The earliest due instant of the record's live clocks, on every mirrored object. */
export const NEXT_DUE = 'handoff_next_due_at';

/** What the scanner reads to learn what HubSpot shows now: the object's SLA properties. */
export function slaMirrorNames(playbook: Playbook, object: RecordObject): string[] {
  return [
    ...playbook.slas
      .filter((sla) => objectOfSla(playbook, sla) === object)
      .flatMap((sla) => [slaProperty(sla.id, 'status'), slaProperty(sla.id, 'due_at')]),
    NEXT_DUE,
  ];
}
