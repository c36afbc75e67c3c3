import type { DetailType, DomainEvent, EventBus } from "../../core/ports.js";

export type Subscriber = (event: DomainEvent) => Promise<void>;

export interface LocalBusOptions {
  /** Checks each event before it travels, as the EventBridge adapter does. */
  validate?: (event: DomainEvent) => void;
  /** Deliveries per event and subscriber before giving up, like a target's retry policy. */
  attempts?: number;
  log?: (entry: Record<string, unknown>) => void;
}

/**
 * The one-machine stand-in for the EventBridge bus: in-process dispatch to the same subscribers a
 * rule would invoke on AWS. Like EventBridge, publishing does not wait for the subscribers; a failing
 * subscriber is retried and never fails the publisher.
 */
export class LocalBus implements EventBus {
  private readonly subscribers = new Map<DetailType, Subscriber[]>();
  private readonly pending = new Set<Promise<void>>();
  private readonly attempts: number;

  constructor(private readonly options: LocalBusOptions = {}) {
    this.attempts = options.attempts ?? 3;
  }

  subscribe(detailType: DetailType, subscriber: Subscriber): void {
    this.subscribers.set(detailType, [...(this.subscribers.get(detailType) ?? []), subscriber]);
  }

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) this.options.validate?.(event);
    for (const event of events) {
      for (const subscriber of this.subscribers.get(event.detailType) ?? []) {
        const delivery = this.deliver(subscriber, event).finally(() => this.pending.delete(delivery));
        this.pending.add(delivery);
      }
    }
  }

  /** Waits until every delivery under way has finished (tests, and a clean shutdown). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async deliver(subscriber: Subscriber, event: DomainEvent): Promise<void> {
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      try {
        await subscriber(event);
        return;
      } catch (err) {
        this.options.log?.({
          level: attempt === this.attempts ? "error" : "warn",
          msg: "event subscriber failed",
          detailType: event.detailType,
          drillId: event.detail.drillId,
          attempt,
          error: (err as Error).message,
        });
        if (attempt < this.attempts) await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
    }
  }
}
