import { z } from "zod";

const Env = z.object({
  YANLIAN_TABLE: z.string().min(3).max(255),
  YANLIAN_PUBLIC_URL: z.url({ protocol: /^https?$/ }),
  YANLIAN_SESSION_KEY: z.string().min(32, "must be at least 32 characters"),
  /** Only for tests and the one-machine runtime; on AWS the SDK finds DynamoDB itself. */
  YANLIAN_DYNAMODB_ENDPOINT: z.url().optional(),
});

export type ApiConfig = z.infer<typeof Env>;

/** Read once when a Lambda container starts; a missing setting stops it with a message that names it. */
export function readApiConfig(env: NodeJS.ProcessEnv): ApiConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Yanlian API configuration is invalid: ${problems}`);
  }
  return parsed.data;
}
