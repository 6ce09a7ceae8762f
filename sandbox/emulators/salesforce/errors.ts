import type { PlatformErrors } from '../plumbing/http.js';
import type { EmulatorResponse } from '../plumbing/router.js';

// The REST API's error body is a JSON array of { message, errorCode, fields? }:
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
export interface SalesforceError {
  message: string;
  errorCode: string;
  fields?: string[];
}

export function sfError(
  status: number,
  errorCode: string,
  message: string,
  fields?: string[],
): EmulatorResponse {
  return { status, body: [{ message, errorCode, ...(fields ? { fields } : {}) }] };
}

export const invalidSession = (): EmulatorResponse =>
  sfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');

export const requestLimitExceeded = (): EmulatorResponse =>
  sfError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');

export const notFound = (message = 'The requested resource does not exist'): EmulatorResponse =>
  sfError(404, 'NOT_FOUND', message);

/** Thrown inside the emulator's model; routes turn it into the error body. */
export class SalesforceFault extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields?: string[],
  ) {
    super(message);
  }

  toResponse(): EmulatorResponse {
    return sfError(this.status, this.errorCode, this.message, this.fields);
  }

  toError(): SalesforceError {
    return {
      message: this.message,
      errorCode: this.errorCode,
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }
}

export function respond(run: () => EmulatorResponse): EmulatorResponse {
  try {
    return run();
  } catch (error) {
    if (error instanceof SalesforceFault) return error.toResponse();
    throw error;
  }
}

export const platformErrors: PlatformErrors = {
  notFound: (method, path) =>
    sfError(404, 'NOT_FOUND', `The requested resource does not exist: ${method} ${path}`),
  badRequest: (message) => sfError(400, 'JSON_PARSER_ERROR', message),
  payloadTooLarge: (limit) =>
    sfError(413, 'REQUEST_ENTITY_TOO_LARGE', `Request body exceeds ${limit} bytes`),
  // Salesforce has no per-second 429 on the REST API; the fault switch stands for its concurrency limit.
  rateLimited: () =>
    sfError(403, 'REQUEST_LIMIT_EXCEEDED', 'ConcurrentPerOrgLongTxn Limit exceeded.'),
  serverError: (status) =>
    sfError(
      status,
      status === 503 ? 'SERVER_UNAVAILABLE' : 'UNKNOWN_EXCEPTION',
      'An unexpected error occurred. Please include this ErrorId if you contact support: 0-0 (emulator)',
    ),
};
