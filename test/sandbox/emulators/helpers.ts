import { Client } from '@hubspot/api-client';
import { vi } from 'vitest';
import { ManualClock } from '../../../sandbox/emulators/plumbing/clock.js';
import {
  startHubSpotEmulator,
  type CreatedPortal,
  type HubSpotEmulator,
  type HubSpotEmulatorOptions,
} from '../../../sandbox/emulators/hubspot/index.js';

export const START = Date.UTC(2026, 2, 2, 9, 0, 0);

export interface Setup {
  clock: ManualClock;
  emulator: HubSpotEmulator;
  portal: CreatedPortal;
  /** A real SDK client for the portal's token; pass options such as numberOfApiCallRetries. */
  client(options?: { accessToken?: string; numberOfApiCallRetries?: number }): Client;
}

export async function setup(options: Partial<HubSpotEmulatorOptions> = {}): Promise<Setup> {
  const clock = new ManualClock(START);
  const emulator = await startHubSpotEmulator({ clock, ...options });
  const portal = emulator.portals.create();
  return {
    clock,
    emulator,
    portal,
    client: (clientOptions = {}) =>
      new Client({ accessToken: portal.accessToken, basePath: emulator.url, ...clientOptions }),
  };
}

/** The SDK throws ApiException { code, body, headers }; this reads it without `any`. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ code: number; body: Record<string, unknown>; headers: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    const shape = error as { code?: number; body?: unknown; headers?: Record<string, string> };
    if (typeof shape.code !== 'number') throw error;
    const body = typeof shape.body === 'string' ? (JSON.parse(shape.body) as unknown) : shape.body;
    return {
      code: shape.code,
      body: (body ?? {}) as Record<string, unknown>,
      headers: shape.headers ?? {},
    };
  }
  throw new Error('expected the call to fail');
}

/** Raw HTTP for what the SDK cannot send (bad bodies, unknown routes). */
export async function raw(
  emulator: HubSpotEmulator,
  path: string,
  init: { method?: string; token?: string; body?: string; contentType?: string } = {},
): Promise<{
  status: number;
  headers: Headers;
  text: string;
  json: () => Record<string, unknown>;
}> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
  const response = await fetch(`${emulator.url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () => JSON.parse(text) as Record<string, unknown>,
  };
}

export function expectHubSpotError(body: Record<string, unknown>, category: string): void {
  if (body.status !== 'error' || body.category !== category || typeof body.message !== 'string') {
    throw new Error(`not a HubSpot ${category} error: ${JSON.stringify(body)}`);
  }
  if (typeof body.correlationId !== 'string' || !/^[0-9a-f-]{36}$/.test(body.correlationId)) {
    throw new Error(`missing correlationId: ${JSON.stringify(body)}`);
  }
}

/**
 * Lets the SDK's retry back-off (RetryDecorator's setTimeout) run at once, recording each wait and
 * moving the emulator clock by as much, so rate-limit windows roll without real sleeping.
 * Only timers scheduled from the RetryDecorator are touched: undici and node:http keep theirs.
 */
export function fastBackoff(clock: ManualClock): number[] {
  const realSetTimeout = globalThis.setTimeout;
  const waits: number[] = [];
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: () => void, ms?: number) => {
    if (ms !== undefined && new Error().stack?.includes('RetryDecorator')) {
      waits.push(ms);
      clock.advance(ms);
      return realSetTimeout(callback, 0);
    }
    return realSetTimeout(callback, ms);
  }) as typeof setTimeout);
  return waits;
}
