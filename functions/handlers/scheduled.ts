import * as z from "zod";
import { SCHEDULE_TARGETS, type SchedulePayload } from "../core/ports.js";

/** What EventBridge Scheduler passes a target: the schedule's Input, checked before anything runs. */
export const SchedulePayloadSchema = z.object({
  target: z.enum(SCHEDULE_TARGETS),
  teamId: z.string().min(1),
  drillId: z.string().min(1).optional(),
  programId: z.string().min(1).optional(),
  level: z.number().int().min(0).max(5).optional(),
});

export function readPayload(event: unknown, expected: SchedulePayload["target"][]): SchedulePayload {
  const parsed = SchedulePayloadSchema.safeParse(event);
  if (!parsed.success || !expected.includes(parsed.data.target)) {
    // Throwing sends the invocation to the dead-letter queue after retries, where it can be inspected.
    throw new Error(`unexpected schedule payload for ${expected.join("/")}`);
  }
  return parsed.data;
}
