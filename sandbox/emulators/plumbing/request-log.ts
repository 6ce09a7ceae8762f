export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  status: number;
  /** Emulator clock time when the request arrived. */
  at: number;
  /** Wall-clock duration, for latency numbers. */
  durationMs: number;
  route: string | undefined;
  portalId: string | undefined;
  fault: string | undefined;
}

export type RequestFilter = Partial<
  Pick<LoggedRequest, 'method' | 'path' | 'status' | 'route' | 'portalId'>
>;

/** Everything the emulator answered, so tests can count calls ("≤ 2 CRM calls per card view"). */
export class RequestLog {
  readonly #entries: LoggedRequest[] = [];

  record(entry: LoggedRequest): void {
    this.#entries.push(entry);
  }

  entries(filter: RequestFilter = {}): LoggedRequest[] {
    return this.#entries.filter((entry) =>
      Object.entries(filter).every(([key, value]) => entry[key as keyof LoggedRequest] === value),
    );
  }

  count(filter: RequestFilter = {}): number {
    return this.entries(filter).length;
  }

  clear(): void {
    this.#entries.length = 0;
  }
}
