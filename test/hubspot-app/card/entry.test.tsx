import { describe, expect, it, vi } from 'vitest';
import { hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { ReactElement } from 'react';
import { Card, type CardProps } from '../../../hubspot-app/src/app/cards/Card.js';
import { assigneesOf, objectTypeOf } from '../../../hubspot-app/src/app/cards/context.js';

describe('the card entry file', () => {
  it('when HubSpot renders it on a deal, then it passes the record, the portal time zone and a real client', async () => {
    const extend = vi.spyOn(hubspot, 'extend').mockImplementation(() => undefined as never);
    await import('../../../hubspot-app/src/app/cards/HandoffCard.js');
    const render = extend.mock.calls[0]?.[0] as unknown as (api: object) => ReactElement<CardProps>;
    const { mocks } = createRenderer('crm.record.tab');
    const context = {
      ...mocks.context,
      crm: { objectId: 123, objectTypeId: '0-3' },
      portal: { id: 1, timezone: 'Europe/Paris' },
    };
    const element = render({ context, actions: mocks.actions });
    expect(element.type).toBe(Card);
    expect(element.props).toMatchObject({
      objectType: 'deals',
      objectId: '123',
      timeZone: 'Europe/Paris',
    });
    expect(typeof element.props.client.dealView).toBe('function');
    expect(element.props.newActionId()).not.toBe(element.props.newActionId());
  });

  it('maps HubSpot object type ids to the objects the card shows', () => {
    expect(objectTypeOf('0-3')).toBe('deals');
    expect(objectTypeOf('0-2')).toBe('companies');
    expect(objectTypeOf('0-1')).toBe('contacts');
    expect(objectTypeOf('0-5')).toBeUndefined();
  });

  it('offers the viewer and their teammates, once each, as CSMs', () => {
    const user = { id: 5, teams: [{ teammates: [5, 6] }, { teammates: [6, 7] }] };
    expect(assigneesOf(user)).toEqual([
      { id: '5', label: 'Me' },
      { id: '6', label: 'User 6' },
      { id: '7', label: 'User 7' },
    ]);
  });
});
