// Renders the card with HubSpot's own test renderer and a fake client the test controls.
import { vi } from 'vitest';
import {
  createRenderer,
  RenderedNodeType,
  type RenderedNode,
} from '@hubspot/ui-extensions/testing';
import type { CompanyView, RecordView, Refusal } from '@handoff/shared/runtime';
import { Card } from '../../../hubspot-app/src/app/cards/Card.js';
import type {
  Answer,
  HandoffClient,
  ObjectType,
  Problem,
} from '../../../hubspot-app/src/app/cards/client.js';
import { TIME_ZONE } from './views.js';

export const ok = <T,>(value: T): Answer<T> => ({ ok: true, value });
export const failed = (problem: Problem): Answer<never> => ({ ok: false, problem });
export const refused = (refusal: Omit<Refusal, 'details'>, view?: RecordView): Answer<never> =>
  failed(
    view
      ? { kind: 'refusal', refusal: { ...refusal, details: {} }, view }
      : { kind: 'refusal', refusal: { ...refusal, details: {} } },
  );

export function fakeClient(initial: Answer<RecordView> | Answer<CompanyView>) {
  return {
    dealView: vi.fn<HandoffClient['dealView']>(async () => initial as Answer<RecordView>),
    contactView: vi.fn<HandoffClient['contactView']>(async () => initial as Answer<RecordView>),
    companyView: vi.fn<HandoffClient['companyView']>(async () => initial as Answer<CompanyView>),
    act: vi.fn<HandoffClient['act']>(async () => initial as Answer<RecordView>),
  };
}

export function renderCard(
  client: HandoffClient,
  options: { objectType?: ObjectType | undefined; timeZone?: string; objectId?: string } = {},
) {
  const renderer = createRenderer('crm.record.tab');
  let ids = 0;
  renderer.render(
    <Card
      client={client}
      objectType={'objectType' in options ? options.objectType : 'deals'}
      objectId={options.objectId ?? 'd-1'}
      timeZone={options.timeZone ?? TIME_ZONE}
      assignees={[
        { id: 'u-cs', label: 'Me' },
        { id: 'u-csm', label: 'User u-csm' },
      ]}
      newActionId={() => `action-${++ids}`}
    />,
  );
  return renderer;
}

/** The rendered tree as the lines a person reads: titles, labels and texts, top to bottom. */
export function screenText(renderer: ReturnType<typeof createRenderer>): string {
  const lines: string[] = [];
  visit(renderer.getRootNode(), lines);
  return lines.join('\n');
}

const SHOWN_PROPS = ['title', 'label', 'valueDescription'] as const;

function visit(node: RenderedNode, lines: string[]): void {
  if (node.nodeType === RenderedNodeType.Text) {
    lines.push(node.text);
    return;
  }
  if (node.nodeType === RenderedNodeType.Element) {
    const props = node.props as Record<string, unknown>;
    for (const key of SHOWN_PROPS)
      if (typeof props[key] === 'string') lines.push(`[${props[key]}]`);
    if (Array.isArray(props.stepNames))
      lines.push(`[${(props.stepNames as string[]).join(' › ')}]`);
    // Inline texts read as one line with their neighbours, as on screen.
    if (
      node.childNodes.every(
        (c) =>
          c.nodeType === RenderedNodeType.Text ||
          (c.nodeType === RenderedNodeType.Element &&
            (c.props as Record<string, unknown>).inline === true),
      )
    ) {
      const text = inlineText(node);
      if (text) lines.push(text);
      return;
    }
  }
  if ('childNodes' in node) for (const child of node.childNodes) visit(child, lines);
}

function inlineText(node: RenderedNode): string {
  if (node.nodeType === RenderedNodeType.Text) return node.text;
  return 'childNodes' in node ? node.childNodes.map(inlineText).join('') : '';
}
