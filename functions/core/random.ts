import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { JumpableRandomGenerator } from "pure-rand/types/JumpableRandomGenerator";

/** splitmix32's finaliser: every bit of the input affects every bit of the output. */
export function mix32(seed: number): number {
  let z = (seed + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/** FNV-1a, to fold a text (scenario id and version) into a 32-bit seed component. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * A seeded random source. Everything random in the domain goes through one of these, so the same
 * seed replays the same drill. `fork` hands out an independent stream (a 2^64 jump), so adding
 * noise items never shifts where the stimuli land.
 */
export class Rng {
  private constructor(private readonly gen: JumpableRandomGenerator) {}

  static seeded(seed: number): Rng {
    // xoroshiro128+ seeded straight from a small integer starts with nearly the same outputs for
    // neighbouring seeds (its first value is -1 - seed); a splitmix32 round spreads them apart.
    return new Rng(xoroshiro128plus(mix32(seed)));
  }

  fork(): Rng {
    const child = this.gen.clone();
    this.gen.jump();
    return new Rng(child);
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.gen, min, max);
  }

  chance(p: number): boolean {
    return this.int(0, 999_999) < p * 1_000_000;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[this.int(0, items.length - 1)] as T;
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const n = Math.min(count, pool.length);
    for (let i = 0; i < n; i++) {
      const j = this.int(i, pool.length - 1);
      [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
    }
    return pool.slice(0, n);
  }

  /** An opaque id that reveals nothing about order or kind. */
  id(prefix: string): string {
    const a = this.int(0, 0xffff);
    const b = this.int(0, 0xffff);
    // A table lookup per byte: number-to-hex printing was most of an id's cost.
    return prefix + HEX[a >>> 8] + HEX[a & 0xff] + HEX[b >>> 8] + HEX[b & 0xff];
  }
}
