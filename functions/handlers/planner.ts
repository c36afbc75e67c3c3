import { dispatch } from "../core/dispatch.js";
import { createAwsRuntime } from "./runtime.js";
import { readPayload } from "./scheduled.js";

const runtime = createAwsRuntime();

/** Target of the "plan" schedules. Idempotent: EventBridge Scheduler delivers at least once. */
export const handler = async (event: unknown): Promise<void> => {
  await dispatch(runtime, readPayload(event, ["plan"]));
};
