// The components, mounted as Lightning Experience would on a record page. Synthetic shadow is
// imported first, before the engine, so the global SLDS stylesheet reaches the components.
import '@lwc/synthetic-shadow';
import { createElement } from '@lwc/engine-dom';
import { HandoffAdmin, HandoffPanel, HandoffQueue } from 'handoff-sf:components';
import type { FrameParams } from './boot.js';

type Constructor = Parameters<typeof createElement>[1]['is'];

export function mount(root: HTMLElement, params: FrameParams): void {
  if (params.component === 'admin') {
    root.replaceChildren(createElement('c-handoff-admin', { is: HandoffAdmin as Constructor }));
    return;
  }
  if (params.component === 'queue') {
    // On a Home or app page: no record around it.
    root.replaceChildren(createElement('c-handoff-queue', { is: HandoffQueue as Constructor }));
    return;
  }
  const panel = createElement('c-handoff-panel', { is: HandoffPanel as Constructor });
  Object.assign(panel, { recordId: params.recordId, objectApiName: params.objectApiName });
  root.replaceChildren(panel);
}
