/**
 * Hybrid logical clock: stamps `<ISO millis>-<counter 4 hex>-<node id>` that sort as strings, follow wall time,
 * and never go backwards even when the wall clock does or a remote stamp is ahead.
 *
 * Stamps are bounded: a real UTC date between 1970 and 9999, a 4-hex counter, a 4–32 character node id. A remote
 * stamp further ahead of the wall clock than MAX_CLOCK_SKEW_MS is not adopted (the server refuses such stamps), so
 * one device whose clock runs a year ahead cannot drag every other device a year ahead, and no stamp can win every
 * merge forever (an erasure must be able to overwrite what came before it).
 */
export interface HlcParts {
  ms: number;
  counter: number;
  node: string;
}

const MAX_COUNTER = 0xffff;
/** 9999-12-31T23:59:59.999Z: the last instant a four-digit ISO year can write. */
export const MAX_HLC_MS = 253_402_300_799_999;
/** How far ahead of the local (or the server's) wall clock a stamp from elsewhere may be. */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

const STAMP = /^((\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z)-([0-9a-f]{4})-([0-9a-z]{4,32})$/;

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parseStamp(stamp: string): HlcParts | null {
  const m = STAMP.exec(stamp);
  if (!m) return null;
  const year = Number(m[2]);
  if (year < 1970 || Number(m[4]) > daysInMonth(year, Number(m[3]))) return null;
  return Object.freeze({ ms: Date.parse(m[1]!), counter: parseInt(m[6]!, 16), node: m[7]! });
}

/**
 * Stamps already read, by text: a pulled record carries its creation stamp once per field, and a page of records
 * written together repeats the same few stamps, so each is parsed once (a pull checks every stamp two or three
 * times: the change, the merge, the record). Bounded; the parts are frozen, so sharing them is safe.
 */
const parsed = new Map<string, HlcParts | null>();
const PARSED_KEPT = 4096;

/** The stamp's parts, or null when it is not a well-formed stamp of a real instant (1970 to 9999). */
export function tryParseHlc(stamp: unknown): HlcParts | null {
  if (typeof stamp !== 'string' || stamp.length > 64) return null;
  const known = parsed.get(stamp);
  if (known !== undefined) return known;
  const parts = parseStamp(stamp);
  if (parsed.size >= PARSED_KEPT) parsed.clear();
  parsed.set(stamp, parts);
  return parts;
}

export function isHlc(stamp: unknown): stamp is string {
  return tryParseHlc(stamp) !== null;
}

export function formatHlc({ ms, counter, node }: HlcParts): string {
  return `${new Date(ms).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function parseHlc(stamp: string): HlcParts {
  const parts = tryParseHlc(stamp);
  if (!parts) throw new Error(`not an HLC stamp: ${stamp.slice(0, 80)}`);
  return parts;
}

/** True when the stamp lies more than the allowed skew ahead of `nowMs`. */
export function isTooFarAhead(stamp: string, nowMs: number): boolean {
  const parts = tryParseHlc(stamp);
  return parts !== null && parts.ms > nowMs + MAX_CLOCK_SKEW_MS;
}

export function randomNodeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

export class HybridClock {
  private ms = 0;
  private counter = 0;

  constructor(
    readonly node: string = randomNodeId(),
    private readonly wall: () => number = Date.now,
  ) {}

  /** A new stamp, later than every stamp this clock has issued or received (within the representable range). */
  tick(): string {
    const now = Math.min(this.wall(), MAX_HLC_MS);
    if (now > this.ms) {
      this.ms = now;
      this.counter = 0;
    } else {
      this.bump();
    }
    return formatHlc({ ms: this.ms, counter: this.counter, node: this.node });
  }

  /**
   * Move past a stamp seen elsewhere (a pulled change, or the record about to be overwritten). A malformed stamp,
   * or one further ahead of this device's wall clock than the allowed skew, is not adopted: returns false.
   */
  receive(stamp: string): boolean {
    const remote = tryParseHlc(stamp);
    if (!remote || remote.ms > this.wall() + MAX_CLOCK_SKEW_MS) return false;
    if (remote.ms > this.ms) {
      this.ms = remote.ms;
      this.counter = remote.counter;
    } else if (remote.ms === this.ms && remote.counter > this.counter) {
      this.counter = remote.counter;
    }
    return true;
  }

  private bump(): void {
    if (this.counter < MAX_COUNTER) this.counter += 1;
    else if (this.ms < MAX_HLC_MS) {
      this.ms += 1;
      this.counter = 0;
    }
    // At the very last representable instant the stamp repeats; ties break on the value (lib/sync/merge).
  }
}

/** One clock per JavaScript context (panel, service worker): each has its own node id, so stamps never tie. */
export const clock = new HybridClock();
