// The default playbook holds the three seams: marketing → sales on contacts (HubSpot lifecycle
// stage, Salesforce Lead Status) with a speed-to-lead SLA, the deal handoffs, and CS → sales
// expansion on customer companies. These names read as what the lifecycle tests mean.
import type { Playbook } from '../../shared/src/playbook/index.js';
import { defaultPlaybook, defaultPlaybookInput, type RawPlaybook } from './fixtures.js';

export function lifecyclePlaybookInput(): RawPlaybook {
  return defaultPlaybookInput();
}

export function lifecyclePlaybook(): Playbook {
  return defaultPlaybook();
}
