import type { ApiErrorCode } from '@handoff/shared';

/** A failure a person can act on: the HTTP status, a code the card branches on, and a sentence. */
export class UseCaseError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
