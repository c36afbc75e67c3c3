import { createChannelSender } from "../adapters/channels/sender.js";
import { LocalBus } from "../adapters/local/bus.js";
import {
  type Delivery,
  LocalScheduler,
  ScheduleLoop,
  type ScheduleStore,
} from "../adapters/local/scheduler.js";
import { acknowledgeLink } from "../api/auth.js";
import { type ComposeInput, compose } from "../api/compose.js";
import { nextCron } from "../core/cron.js";
import { dispatch } from "../core/dispatch.js";
import { validateDomainEvent } from "../core/events.js";
import { Notifier } from "../core/notifier.js";
import { type ChannelSender, DETAIL_TYPES, type Store } from "../core/ports.js";

export interface LocalRuntimeInput extends Omit<ComposeInput, "automation" | "store"> {
  store: Store & ScheduleStore;
  channels?: ChannelSender;
  /** How often the schedule loop looks for due schedules. */
  intervalMs?: number;
  log?: (entry: Record<string, unknown>) => void;
}

/**
 * The whole product on one machine: the API, with the in-process stand-ins for EventBridge
 * Scheduler (schedules in the table, one loop) and the event bus (in-process dispatch to the notifier).
 */
export function createLocalRuntime(input: LocalRuntimeInput) {
  const log = input.log ?? ((entry: Record<string, unknown>) => console.log(JSON.stringify(entry)));
  const scheduler = new LocalScheduler(input.store, input.clock, nextCron);
  const bus = new LocalBus({ validate: validateDomainEvent, log });
  const channels = input.channels ?? createChannelSender();
  const notifier = new Notifier({
    store: input.store,
    channels,
    scheduler,
    bus,
    clock: input.clock,
    ackLink: (link) => acknowledgeLink(input.auth, link),
  });
  const composed = compose({ ...input, channels, automation: { scheduler, bus, notifier, log } });
  // The rule that feeds the notifier on AWS.
  bus.subscribe(DETAIL_TYPES.injected, (event) => composed.service.page(event.detail.drillId, 0));
  const handle = (delivery: Delivery) => dispatch(composed, delivery.payload);
  const loop = new ScheduleLoop({
    store: input.store,
    clock: input.clock,
    next: nextCron,
    handle,
    log,
    ...(input.intervalMs ? { intervalMs: input.intervalMs } : {}),
  });
  return { ...composed, scheduler, bus, notifier, loop, handle };
}
