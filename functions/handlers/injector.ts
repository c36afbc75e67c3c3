import { dispatch } from "../core/dispatch.js";
import { readConfig } from "./config.js";
import { createWorkerRuntime } from "./runtime.js";
import { readPayload } from "./scheduled.js";

const runtime = createWorkerRuntime(readConfig(process.env));

/** Target of the "inject" schedules. Idempotent: EventBridge Scheduler delivers at least once. */
export const handler = async (event: unknown): Promise<void> => {
  await dispatch(runtime, readPayload(event, ["inject"]));
};
