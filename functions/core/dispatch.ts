import type { DrillService } from "./drills.js";
import type { SchedulePayload } from "./ports.js";
import type { ProgramService } from "./programs.js";

/** Routes a schedule's payload to its handler: the same targets the Lambdas are on AWS. */
export async function dispatch(
  handlers: { service: DrillService; programs: ProgramService },
  payload: SchedulePayload,
): Promise<void> {
  const { service, programs } = handlers;
  switch (payload.target) {
    case "inject":
      if (payload.drillId) await service.inject(payload.drillId);
      return;
    case "close":
      if (payload.drillId) await service.close(payload.drillId);
      return;
    case "escalate":
      if (payload.drillId) await service.page(payload.drillId, payload.level ?? 1);
      return;
    case "plan":
      if (payload.programId) await programs.plan(payload.teamId, payload.programId);
      return;
  }
}
