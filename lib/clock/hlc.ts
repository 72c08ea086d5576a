/**
 * Hybrid logical clock: stamps `<ISO millis>-<counter 4 hex>-<node id>` that sort as strings, follow wall time,
 * and never go backwards even when the wall clock does or a remote stamp is ahead.
 */
export interface HlcParts {
  ms: number;
  counter: number;
  node: string;
}

const MAX_COUNTER = 0xffff;

export function formatHlc({ ms, counter, node }: HlcParts): string {
  return `${new Date(ms).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function parseHlc(stamp: string): HlcParts {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)-([0-9a-f]{4})-([0-9a-z]+)$/.exec(stamp);
  if (!m) throw new Error(`not an HLC stamp: ${stamp}`);
  return { ms: Date.parse(m[1]!), counter: parseInt(m[2]!, 16), node: m[3]! };
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

  /** A new stamp, later than every stamp this clock has issued or received. */
  tick(): string {
    const now = this.wall();
    if (now > this.ms) {
      this.ms = now;
      this.counter = 0;
    } else {
      this.bump();
    }
    return formatHlc({ ms: this.ms, counter: this.counter, node: this.node });
  }

  /** Move past a stamp seen elsewhere (a pulled change, or the record about to be overwritten). */
  receive(stamp: string): void {
    const remote = parseHlc(stamp);
    if (remote.ms > this.ms) {
      this.ms = remote.ms;
      this.counter = remote.counter;
    } else if (remote.ms === this.ms && remote.counter > this.counter) {
      this.counter = remote.counter;
    }
  }

  private bump(): void {
    if (this.counter >= MAX_COUNTER) {
      this.ms += 1;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
  }
}

/** One clock per JavaScript context (panel, service worker): each has its own node id, so stamps never tie. */
export const clock = new HybridClock();
