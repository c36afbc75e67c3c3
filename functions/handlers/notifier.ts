import { dispatch } from "../core/dispatch.js";
import { DETAIL_TYPES } from "../core/ports.js";
import { readConfig } from "./config.js";
import { createWorkerRuntime } from "./runtime.js";
import { readPayload } from "./scheduled.js";
import { loadKeys } from "./secrets.js";

const config = readConfig(process.env, ["link"]);
const { link } = await loadKeys(config, ["link"]);
const runtime = createWorkerRuntime(config, { linkKey: link });

interface BusEvent {
  "detail-type": string;
  detail: { drillId?: string };
}

/**
 * Pages on-call people. Fed by the bus rule on "Drill Injected" (the first page) and by the
 * escalation schedules (the next rungs). One page per drill and level, however often it is invoked.
 */
export const handler = async (event: unknown): Promise<void> => {
  const bus = event as BusEvent;
  if (bus && typeof bus === "object" && "detail-type" in bus) {
    if (bus["detail-type"] !== DETAIL_TYPES.injected || typeof bus.detail?.drillId !== "string") {
      throw new Error(`the notifier does not handle "${String(bus["detail-type"])}"`);
    }
    await runtime.service.page(bus.detail.drillId, 0);
    return;
  }
  await dispatch(runtime, readPayload(event, ["escalate"]));
};
