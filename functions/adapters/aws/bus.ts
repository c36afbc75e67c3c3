import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from "@aws-sdk/client-eventbridge";
import { validateDomainEvent } from "../../core/events.js";
import { type DomainEvent, EVENT_SOURCE, type EventBus } from "../../core/ports.js";

export interface EventBridgeBusOptions {
  client: EventBridgeClient;
  /** The custom bus the stack creates; users attach their own rules to it. */
  busName: string;
  /** Rounds of retrying the entries EventBridge rejected, after the first attempt. */
  maxRetries?: number;
  /** First backoff delay in ms; it doubles each round. */
  baseDelayMs?: number;
  /** Injected so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
}

/** PutEvents takes at most ten entries a call. */
export const MAX_ENTRIES_PER_CALL = 10;

/**
 * Some entries of a batch were still rejected after every retry (earlier batches were published,
 * later ones were not attempted). It names how many and EventBridge's error
 * codes, never the details, which would put drill content into logs.
 */
export class EventPublishError extends Error {
  override readonly name = "EventPublishError";
  constructor(
    readonly failedCount: number,
    readonly total: number,
    readonly errorCodes: readonly string[],
    attempts: number,
  ) {
    super(
      `EventBridge rejected ${failedCount} of ${total} event(s) in a PutEvents batch after ${attempts} attempt(s): ${errorCodes.join(", ")}`,
    );
  }
}

/** The EventBridge custom bus behind the `EventBus` port. */
export class EventBridgeBus implements EventBus {
  private readonly client: EventBridgeClient;
  private readonly busName: string;
  private readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: EventBridgeBusOptions) {
    this.client = options.client;
    this.busName = options.busName;
    this.maxRetries = options.maxRetries ?? 3;
    this.baseDelayMs = options.baseDelayMs ?? 100;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async publish(events: readonly DomainEvent[]): Promise<void> {
    // Everything is validated before anything is sent, so a bad event cannot leave half a batch published.
    const entries = events.map((event) => this.entry(validateDomainEvent(event)));
    for (let i = 0; i < entries.length; i += MAX_ENTRIES_PER_CALL) {
      await this.putBatch(entries.slice(i, i + MAX_ENTRIES_PER_CALL));
    }
  }

  private entry(event: DomainEvent): PutEventsRequestEntry {
    return {
      Source: EVENT_SOURCE,
      DetailType: event.detailType,
      Detail: JSON.stringify(event.detail),
      EventBusName: this.busName,
      // The time the thing happened on the server clock, not when the bus got around to it.
      Time: new Date(event.detail.at),
    };
  }

  /**
   * PutEvents answers 200 even when some entries failed (throttling, internal errors): its result
   * lists them by position. Only those are sent again, so accepted events are not duplicated.
   */
  private async putBatch(batch: PutEventsRequestEntry[]): Promise<void> {
    let pending = batch;
    let codes: string[] = [];
    for (let attempt = 0; attempt <= this.maxRetries; attempt++) {
      if (attempt > 0) await this.sleep(this.baseDelayMs * 2 ** (attempt - 1));
      const result = await this.client.send(new PutEventsCommand({ Entries: pending }));
      if (!result.FailedEntryCount) return;
      const failed: PutEventsRequestEntry[] = [];
      codes = [];
      pending.forEach((entry, i) => {
        const outcome = result.Entries?.[i];
        // An entry with no outcome was not confirmed, so it counts as failed rather than lost.
        if (outcome?.EventId && !outcome.ErrorCode) return;
        failed.push(entry);
        codes.push(outcome?.ErrorCode ?? "NoResult");
      });
      if (failed.length === 0) return;
      pending = failed;
    }
    throw new EventPublishError(pending.length, batch.length, [...new Set(codes)], this.maxRetries + 1);
  }
}
