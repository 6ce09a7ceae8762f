import { randomUUID } from 'node:crypto';
import type { PlatformErrors } from '../plumbing/http.js';
import type { EmulatorResponse } from '../plumbing/router.js';

// HubSpot's error body: https://developers.hubspot.com/docs/api/error-handling
export interface HubSpotErrorExtras {
  subCategory?: string;
  context?: Record<string, string[]>;
  errors?: Array<{ message: string; code?: string; context?: Record<string, string[]> }>;
}

export function hubspotError(
  status: number,
  category: string,
  message: string,
  extras: HubSpotErrorExtras = {},
): EmulatorResponse {
  return {
    status,
    body: { status: 'error', message, correlationId: randomUUID(), category, ...extras },
  };
}

export const badRequest = (message: string, extras?: HubSpotErrorExtras): EmulatorResponse =>
  hubspotError(400, 'VALIDATION_ERROR', message, extras);

export const notFound = (message = 'resource not found'): EmulatorResponse =>
  hubspotError(404, 'OBJECT_NOT_FOUND', message);

export const TEN_SECONDLY_WINDOW_MS = 10_000;
export const TEN_SECONDLY_MAX = 110;

/** The body the SDK's RetryDecorator recognises (policyName) before it waits 10 s × attempt. */
export function tenSecondlyLimited(remaining = 0): EmulatorResponse {
  return {
    status: 429,
    headers: rateLimitHeaders(remaining),
    body: {
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      correlationId: randomUUID(),
      policyName: 'TEN_SECONDLY_ROLLING',
      category: 'RATE_LIMITS',
    },
  };
}

/** The search endpoints' per-second limit; the SDK matches this exact message. */
export function secondlyLimited(): EmulatorResponse {
  return {
    status: 429,
    body: {
      status: 'error',
      message: 'You have reached your secondly limit.',
      errorType: 'RATE_LIMIT',
      correlationId: randomUUID(),
      policyName: 'SECONDLY',
      category: 'RATE_LIMITS',
    },
  };
}

export function rateLimitHeaders(remaining: number): Record<string, string> {
  return {
    'x-hubspot-ratelimit-max': String(TEN_SECONDLY_MAX),
    'x-hubspot-ratelimit-remaining': String(Math.max(0, remaining)),
    'x-hubspot-ratelimit-interval-milliseconds': String(TEN_SECONDLY_WINDOW_MS),
  };
}

export const platformErrors: PlatformErrors = {
  notFound: (method, path) =>
    hubspotError(404, 'OBJECT_NOT_FOUND', `No route for ${method} ${path}`),
  badRequest: (message) => badRequest(message),
  payloadTooLarge: (limit) =>
    hubspotError(413, 'VALIDATION_ERROR', `Request body exceeds ${limit} bytes`),
  rateLimited: () => tenSecondlyLimited(0),
  serverError: (status) =>
    hubspotError(
      status,
      status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_ERROR',
      'internal error',
    ),
};
