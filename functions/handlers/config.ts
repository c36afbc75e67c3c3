import { z } from "zod";

const Arn = z.string().regex(/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{12}:.+$/, "expected an ARN");

const Env = z.object({
  YANLIAN_TABLE: z.string().min(3).max(255),
  YANLIAN_PUBLIC_URL: z.url({ protocol: /^https?$/ }),
  YANLIAN_SESSION_KEY: z.string().min(32, "must be at least 32 characters"),
  YANLIAN_BUS_NAME: z.string().min(1).max(256),
  YANLIAN_SCHEDULE_GROUP: z.string().min(1).max(64),
  YANLIAN_SCHEDULER_ROLE_ARN: Arn,
  YANLIAN_DLQ_ARN: Arn,
  YANLIAN_INJECTOR_ARN: Arn,
  YANLIAN_CLOSER_ARN: Arn,
  YANLIAN_PLANNER_ARN: Arn,
  YANLIAN_NOTIFIER_ARN: Arn,
  /** Only for tests and the one-machine runtime; on AWS the SDK finds DynamoDB itself. */
  YANLIAN_DYNAMODB_ENDPOINT: z.url().optional(),
});

export type AwsConfig = z.infer<typeof Env>;

/** Read once when a Lambda container starts; a missing setting stops it with a message that names it. */
export function readConfig(env: NodeJS.ProcessEnv): AwsConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Yanlian configuration is invalid: ${problems}`);
  }
  return parsed.data;
}
