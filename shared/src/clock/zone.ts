import { DAY, SECOND, civilToMs, yearStart } from './wallclock.js';

/**
 * UTC offsets of one IANA zone, read from the platform's Intl data. Offsets are cached per block
 * of time the first time an instant in it is asked for, so any year costs the same to reach and
 * nothing is precomputed up front.
 */
export interface Zone {
  readonly name: string;
  /** Milliseconds to add to a UTC instant to get its wall-clock reading. */
  offsetAt(instant: number): number;
  /**
   * The instant of a wall-clock reading (given as ms as if the zone were UTC). A reading skipped
   * by a forward jump moves forward by the gap; a repeated one takes the earlier instant.
   */
  toInstant(wallClock: number): number;
}

// Blocks of whole days so every sample falls on a whole second.
const BLOCK = 364 * DAY;
// Sampling once a day finds every transition provided two transitions are never less than a day
// apart; toInstant makes the same assumption when it looks one day either side of a reading.
const STEP = DAY;
// Enough for every block from 1800 to 2100 and the far years calendars lay out on their own; past
// that the least recently used block goes.
const MAX_BLOCKS = 512;
/**
 * Before 1800 every zone of the tz database keeps its local mean time (checked against every zone
 * Intl knows), so one reading serves all earlier instants — and Intl, which prints 1 BC as year 1,
 * is never asked about years before 1.
 */
export const EARLY_ZONE_END = yearStart(1800);
const READING = /(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)/;

interface Block {
  readonly first: number;
  readonly at: number[];
  readonly offsets: number[];
  used: number;
}

class IntlZone implements Zone {
  readonly name: string;
  private readonly format: Intl.DateTimeFormat;
  private readonly blocks = new Map<number, Block>();
  private tick = 0;
  private early: number | undefined;

  constructor(name: string, format: Intl.DateTimeFormat) {
    this.name = name;
    this.format = format;
  }

  offsetAt(instant: number): number {
    if (instant < EARLY_ZONE_END) {
      this.early ??= this.readOffset(EARLY_ZONE_END - SECOND);
      return this.early;
    }
    const index = Math.floor(instant / BLOCK);
    let block = this.blocks.get(index);
    if (block === undefined) {
      if (this.blocks.size >= MAX_BLOCKS) this.evictLeastRecentlyUsed();
      block = this.buildBlock(index * BLOCK);
      this.blocks.set(index, block);
    }
    block.used = ++this.tick;
    let offset = block.first;
    for (let i = 0; i < block.at.length; i++) {
      if (instant < (block.at[i] as number)) break;
      offset = block.offsets[i] as number;
    }
    return offset;
  }

  toInstant(wallClock: number): number {
    const before = this.offsetAt(wallClock - DAY);
    const after = this.offsetAt(wallClock + DAY);
    if (before === after) return wallClock - before;
    const early = wallClock - before;
    const late = wallClock - after;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (earlyValid) return early;
    if (lateValid) return late;
    // In a gap: reading it with the offset from before the jump moves it forward by the gap.
    return early;
  }

  // A scan on eviction only: a hit just stamps its block, so the warm path stays a map read.
  private evictLeastRecentlyUsed(): void {
    let oldest: number | undefined;
    let oldestUse = Infinity;
    for (const [index, block] of this.blocks) {
      if (block.used < oldestUse) {
        oldestUse = block.used;
        oldest = index;
      }
    }
    if (oldest !== undefined) this.blocks.delete(oldest);
  }

  private buildBlock(start: number): Block {
    const first = this.readOffset(start);
    const at: number[] = [];
    const offsets: number[] = [];
    let previous = first;
    for (let t = start + STEP; t <= start + BLOCK; t += STEP) {
      const offset = this.readOffset(t);
      if (offset === previous) continue;
      let low = t - STEP;
      let high = t;
      while (high - low > SECOND) {
        const middle = low + Math.floor((high - low) / (2 * SECOND)) * SECOND;
        if (this.readOffset(middle) === previous) low = middle;
        else high = middle;
      }
      if (high < start + BLOCK) {
        at.push(high);
        offsets.push(offset);
      }
      previous = offset;
    }
    return { first, at, offsets, used: 0 };
  }

  private readOffset(instant: number): number {
    const match = READING.exec(this.format.format(instant));
    if (!match) throw new Error(`Unexpected Intl output for ${this.name}`);
    const hour = Number(match[4]) % 24;
    const wall =
      civilToMs(Number(match[3]), Number(match[1]), Number(match[2])) +
      hour * 3_600_000 +
      Number(match[5]) * 60_000 +
      Number(match[6]) * SECOND;
    return wall - Math.floor(instant / SECOND) * SECOND;
  }
}

const zones = new Map<string, Zone>();

/** The zone for an IANA name, or null when the platform does not know the name. */
export function zoneFor(name: string): Zone | null {
  const cached = zones.get(name);
  if (cached !== undefined) return cached;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null;
  }
  const zone = new IntlZone(name, format);
  zones.set(name, zone);
  return zone;
}
