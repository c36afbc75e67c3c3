import { describe, expect, it } from "vitest";
import { LocalBus } from "../../functions/adapters/local/bus.js";
import { DETAIL_TYPES, type DomainEvent } from "../../functions/core/ports.js";

const injected: DomainEvent = {
  detailType: DETAIL_TYPES.injected,
  detail: { version: 1, drillId: "dr-1", teamId: "t-1", at: 1 },
};

describe("the in-process event bus", () => {
  it("delivers each event to the subscribers of its detail type, without making the publisher wait", async () => {
    const bus = new LocalBus();
    const seen: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    bus.subscribe(DETAIL_TYPES.injected, async (e) => {
      await gate;
      seen.push(`notifier:${e.detail.drillId}`);
    });
    bus.subscribe(DETAIL_TYPES.resolved, async () => void seen.push("never"));
    await bus.publish([injected]);
    expect(seen).toEqual([]);
    release();
    await bus.drain();
    expect(seen).toEqual(["notifier:dr-1"]);
  });

  it("retries a failing subscriber and never fails the publisher", async () => {
    const logs: Array<Record<string, unknown>> = [];
    const bus = new LocalBus({ attempts: 3, log: (l) => void logs.push(l) });
    let calls = 0;
    bus.subscribe(DETAIL_TYPES.injected, async () => {
      calls++;
      if (calls < 3) throw new Error("channel down");
    });
    await expect(bus.publish([injected])).resolves.toBeUndefined();
    await bus.drain();
    expect(calls).toBe(3);
    expect(logs.map((l) => l.attempt)).toEqual([1, 2]);
  });

  it("refuses an event that fails validation before anything is delivered", async () => {
    const bus = new LocalBus({
      validate: (e) => {
        if (e.detail.version !== 1) throw new Error("unknown version");
      },
    });
    let calls = 0;
    bus.subscribe(DETAIL_TYPES.injected, async () => void calls++);
    const bad = { ...injected, detail: { ...injected.detail, version: 2 } } as unknown as DomainEvent;
    await expect(bus.publish([injected, bad])).rejects.toThrow("unknown version");
    await bus.drain();
    expect(calls).toBe(0);
  });
});
