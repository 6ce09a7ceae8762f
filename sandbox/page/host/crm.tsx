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
      // The deal's own page in the sandbox, as whom the page is viewed; a plain click opens it here.
      href={`/deals/${context.objectId ?? ''}${location.search}`}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        window.dispatchEvent(new CustomEvent('open-deal', { detail: String(context.objectId) }));
      }}
    >
      {props.children}
    </a>
  );
}
