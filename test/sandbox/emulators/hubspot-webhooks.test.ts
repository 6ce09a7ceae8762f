import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Signature } from '@hubspot/api-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setup, START, type Setup } from './helpers.js';

interface Received {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let env: Setup;
let receiver: Server;
let targetUrl: string;
let received: Received[];
let answer: number;
const SECRET = 'webhook-test-secret';

beforeEach(async () => {
  received = [];
  answer = 204;
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks?source=hubspot`;
  env = await setup({ appClientSecret: SECRET, webhookTargetUrl: targetUrl });
});
afterEach(async () => {
  await env.emulator.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

/** Computed here from the documented recipe, not with the emulator's signer. */
function expectedSignature(body: string, timestamp: string): string {
  return createHmac('sha256', SECRET)
    .update(`POST${targetUrl}${body}${timestamp}`)
    .digest('base64');
}

describe('webhooks', () => {
  it('when a deal changes stage through the API, then one signed v3 delivery carries a JSON array of events', async () => {
    const dealId = env.emulator.seed.deal(env.portal.portalId, {
      properties: { dealname: 'Hooked' },
    });
    env.clock.advance(60_000);
    await env
      .client()
      .crm.deals.basicApi.update(dealId, { properties: { dealstage: 'closedwon', amount: '10' } });
    await env.emulator.webhooks.settled();

    expect(received).toHaveLength(1);
    const [delivery] = received;
    if (!delivery) throw new Error('no delivery');
    expect(delivery.method).toBe('POST');
    expect(delivery.url).toBe('/webhooks?source=hubspot');
    const timestamp = String(delivery.headers['x-hubspot-request-timestamp']);
    expect(timestamp).toBe(String(START + 60_000));
    const signature = Buffer.from(String(delivery.headers['x-hubspot-signature-v3']), 'base64');
    const expected = Buffer.from(expectedSignature(delivery.body, timestamp), 'base64');
    expect(signature.length).toBe(32);
    expect(timingSafeEqual(signature, expected)).toBe(true);
    // The official SDK's signer agrees.
    expect(
      Signature.getSignature('POST', 'v3', {
        signatureVersion: 'v3',
        signature: '',
        clientSecret: SECRET,
        requestBody: delivery.body,
        url: targetUrl,
        timestamp: Number(timestamp),
      }),
    ).toBe(String(delivery.headers['x-hubspot-signature-v3']));

    const events = JSON.parse(delivery.body) as Array<Record<string, unknown>>;
    expect(events).toEqual([
      expect.objectContaining({
        objectId: Number(dealId),
        propertyName: 'dealstage',
        propertyValue: 'closedwon',
        portalId: Number(env.portal.portalId),
        appId: env.emulator.appId,
        occurredAt: START + 60_000,
        subscriptionType: 'object.propertyChange',
        attemptNumber: 0,
        changeSource: 'INTEGRATION',
      }),
    ]);
  });

  it('when a signature is checked with another secret or a changed byte, then it does not match', async () => {
    const dealId = env.emulator.seed.deal(env.portal.portalId);
    env.emulator.seed.updateDeal(env.portal.portalId, dealId, { dealstage: 'contractsent' });
    await env.emulator.webhooks.settled();
    const [delivery] = received;
    if (!delivery) throw new Error('no delivery');
    const timestamp = String(delivery.headers['x-hubspot-request-timestamp']);
    const sent = String(delivery.headers['x-hubspot-signature-v3']);
    expect(JSON.parse(delivery.body)).toEqual([
      expect.objectContaining({ changeSource: 'CRM_UI', propertyValue: 'contractsent' }),
    ]);
    expect(sent).toBe(expectedSignature(delivery.body, timestamp));
    expect(sent).not.toBe(
      expectedSignature(delivery.body.replace('contractsent', 'contractsenT'), timestamp),
    );
    expect(sent).not.toBe(
      createHmac('sha256', 'other')
        .update(`POST${targetUrl}${delivery.body}${timestamp}`)
        .digest('base64'),
    );
  });

  it('when other properties change or updates come from batch, then only dealstage changes are delivered', async () => {
    const [a = '', b = ''] = ['A', 'B'].map((name) =>
      env.emulator.seed.deal(env.portal.portalId, { properties: { dealname: name } }),
    );
    const client = env.client();
    await client.crm.deals.basicApi.update(a, { properties: { amount: '5' } });
    await client.crm.deals.batchApi.update({
      inputs: [
        { id: a, properties: { dealstage: 'qualifiedtobuy' } },
        { id: b, properties: { dealstage: 'closedlost' } },
      ],
    });
    await env.emulator.webhooks.settled();
    expect(received).toHaveLength(1);
    const events = JSON.parse(received[0]?.body ?? '[]') as Array<{
      objectId: number;
      propertyValue: string;
    }>;
    expect(events.map((event) => [String(event.objectId), event.propertyValue])).toEqual([
      [a, 'qualifiedtobuy'],
      [b, 'closedlost'],
    ]);
  });

  it('when the target fails, then the delivery is recorded and a retry carries attemptNumber 1', async () => {
    answer = 500;
    const dealId = env.emulator.seed.deal(env.portal.portalId);
    await env
      .client()
      .crm.deals.basicApi.update(dealId, { properties: { dealstage: 'closedwon' } });
    await env.emulator.webhooks.settled();
    expect(env.emulator.webhooks.deliveries.map((delivery) => delivery.status)).toEqual([500]);
    answer = 200;
    env.emulator.webhooks.retryFailed();
    await env.emulator.webhooks.settled();
    expect(env.emulator.webhooks.deliveries.map((delivery) => delivery.status)).toEqual([500, 200]);
    expect(
      (JSON.parse(received[1]?.body ?? '[]') as Array<{ attemptNumber: number }>)[0]?.attemptNumber,
    ).toBe(1);
  });
});
