// `@hubspot/ui-extensions/crm` in the preview: the one component the card uses.
import type { ReactNode } from 'react';
import type { CrmActionLinkProps } from '@hubspot/ui-extensions';
import { checkProps } from './props.js';

const LINK = [
  'actionType',
  'actionContext',
  'testId',
  'variant',
] as const satisfies readonly (keyof CrmActionLinkProps)[];

export function CrmActionLink(props: CrmActionLinkProps & { children?: ReactNode }) {
  checkProps('CrmActionLink', props, LINK);
  const context = props.actionContext as { objectId?: number };
  return (
    <a
      className="hs-link"
      data-testid={props.testId}
      href={`#deal-${context.objectId ?? ''}`}
      onClick={() =>
        window.dispatchEvent(new CustomEvent('open-deal', { detail: String(context.objectId) }))
      }
    >
      {props.children}
    </a>
  );
}
