import { dispatch } from "../core/dispatch.js";
import { builtInCatalog } from "./catalog.js";
import { readConfig } from "./config.js";
import { createWorkerRuntime } from "./runtime.js";
import { readPayload } from "./scheduled.js";

const runtime = createWorkerRuntime(readConfig(process.env), { catalog: builtInCatalog });

/** Target of the "plan" schedules. Idempotent: EventBridge Scheduler delivers at least once. */
export const handler = async (event: unknown): Promise<void> => {
  await dispatch(runtime, readPayload(event, ["plan"]));
};
