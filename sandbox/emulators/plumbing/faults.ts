export type FaultKind = 'rate-limit' | 'server-error' | 'timeout' | 'malformed-json';

export interface FaultSpec {
  kind: FaultKind;
  /** Route name, or `*` for every route. */
  route: string;
  /** Affect the next N matching requests… */
  count?: number;
  /** …or this share of them (0–1), drawn from a seeded generator so runs repeat. */
  ratio?: number;
  /** For `server-error`: 500 by default. */
  status?: number;
  /** For `timeout`: how long to hang before dropping the connection (bounded so nothing leaks). */
  hangMs?: number;
  /** Only requests made with this access token (one account's calls); every request when absent. */
  token?: string;
}

export interface ActiveFault {
  id: number;
  spec: FaultSpec;
  remaining: number | undefined;
}

/** A small deterministic generator (mulberry32) so ratio faults are reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultSwitches {
  readonly #faults: ActiveFault[] = [];
  #nextId = 1;
  #random: () => number;

  constructor(seed = 42) {
    this.#random = seededRandom(seed);
  }

  inject(spec: FaultSpec): number {
    const hasCount = spec.count !== undefined;
    const hasRatio = spec.ratio !== undefined;
    if (hasCount === hasRatio) throw new Error('a fault needs exactly one of count or ratio');
    if (hasCount && (!Number.isInteger(spec.count) || (spec.count ?? 0) < 1)) {
      throw new RangeError('count must be a positive integer');
    }
    if (hasRatio && !((spec.ratio ?? -1) > 0 && (spec.ratio ?? 2) <= 1)) {
      throw new RangeError('ratio must be in (0, 1]');
    }
    const id = this.#nextId++;
    this.#faults.push({ id, spec, remaining: spec.count });
    return id;
  }

  remove(id: number): void {
    const index = this.#faults.findIndex((fault) => fault.id === id);
    if (index >= 0) this.#faults.splice(index, 1);
  }

  clear(): void {
    this.#faults.length = 0;
  }

  active(): readonly ActiveFault[] {
    return this.#faults;
  }

  /** Decides whether this request is hit; consumes one use of a counted fault. */
  take(routeName: string, token?: string): FaultSpec | undefined {
    for (const fault of this.#faults) {
      if (fault.spec.route !== '*' && fault.spec.route !== routeName) continue;
      if (fault.spec.token !== undefined && fault.spec.token !== token) continue;
      if (fault.remaining !== undefined) {
        fault.remaining -= 1;
        if (fault.remaining <= 0) this.remove(fault.id);
        return fault.spec;
      }
      if (this.#random() < (fault.spec.ratio ?? 0)) return fault.spec;
    }
    return undefined;
  }
}
