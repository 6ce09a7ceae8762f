import type { IncomingHttpHeaders } from 'node:http';

export interface EmulatorRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON or form body; undefined when the request had none. */
  body: unknown;
  rawBody: Buffer;
  /** Set by the emulator's `before` hook once it knows who is calling. */
  portalId?: string;
}

export interface EmulatorResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (request: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;

export interface Route {
  /** Stable name used by fault switches and the request log, e.g. `crm.objects.search`. */
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** `/crm/v3/objects/:objectType/:objectId` — a `:name` segment matches one path segment. */
  path: string;
  /** The vendor documentation page this route emulates. */
  docs: string;
  handler: Handler;
}

interface CompiledRoute {
  route: Route;
  segments: string[];
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

/** First registered match wins, so register literal paths before parameterised siblings. */
export class RouteTable {
  readonly #routes: CompiledRoute[] = [];

  add(...routes: Route[]): this {
    for (const route of routes) this.#routes.push({ route, segments: split(route.path) });
    return this;
  }

  list(): readonly Route[] {
    return this.#routes.map((compiled) => compiled.route);
  }

  match(method: string, path: string): RouteMatch | undefined {
    const actual = split(path);
    for (const { route, segments } of this.#routes) {
      if (route.method !== method || segments.length !== actual.length) continue;
      const params: Record<string, string> = {};
      const matched = segments.every((segment, index) => {
        const value = actual[index] ?? '';
        if (segment.startsWith(':')) {
          params[segment.slice(1)] = decodeURIComponent(value);
          return true;
        }
        return segment === value;
      });
      if (matched) return { route, params };
    }
    return undefined;
  }
}
