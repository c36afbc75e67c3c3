import * as z from "zod";

const Arn = z.string().regex(/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{12}:.+$/, "expected an ARN");
const Key = z.string().min(32, "must be at least 32 characters");

const Env = z.object({
  YANLIAN_TABLE: z.string().min(3).max(255),
  YANLIAN_PUBLIC_URL: z.url({ protocol: /^https?$/ }),
  YANLIAN_BUS_NAME: z.string().min(1).max(256),
  YANLIAN_SCHEDULE_GROUP: z.string().min(1).max(64),
  YANLIAN_SCHEDULER_ROLE_ARN: Arn,
  YANLIAN_DLQ_ARN: Arn,
  YANLIAN_INJECTOR_ARN: Arn,
  YANLIAN_CLOSER_ARN: Arn,
  YANLIAN_PLANNER_ARN: Arn,
  YANLIAN_NOTIFIER_ARN: Arn,
  /**
   * Keys come from Secrets Manager on AWS (the stack sets the `*_SECRET` ARNs, and only the functions
   * that need a key may read it); tests and the one-machine runtime may hand them over directly.
   */
  YANLIAN_SESSION_KEY: Key.optional(),
  YANLIAN_LINK_KEY: Key.optional(),
  YANLIAN_SESSION_KEY_SECRET: Arn.optional(),
  YANLIAN_LINK_KEY_SECRET: Arn.optional(),
  YANLIAN_SETUP_TOKEN_SECRET: Arn.optional(),
  /** Only for tests and the one-machine runtime; on AWS the SDK finds DynamoDB itself. */
  YANLIAN_DYNAMODB_ENDPOINT: z.url().optional(),
});

export type AwsConfig = z.infer<typeof Env>;

/** The keys a function uses: the api signs sessions and checks links, the notifier signs acknowledgement links. */
export type KeyName = "session" | "link";

const KEY_SOURCES: Record<KeyName, { value: keyof AwsConfig; secret: keyof AwsConfig }> = {
  session: { value: "YANLIAN_SESSION_KEY", secret: "YANLIAN_SESSION_KEY_SECRET" },
  link: { value: "YANLIAN_LINK_KEY", secret: "YANLIAN_LINK_KEY_SECRET" },
};

/**
 * Read once when a Lambda container starts; a missing setting stops it with a message that names it
 * (never its value). `keys` names the keys this function needs: each must come from somewhere.
 */
export function readConfig(env: NodeJS.ProcessEnv, keys: readonly KeyName[] = []): AwsConfig {
  const parsed = Env.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  for (const key of keys) {
    const source = KEY_SOURCES[key];
    if (!env[source.value] && !env[source.secret]) {
      problems.push(`${source.secret}: required (or ${source.value} outside AWS)`);
    }
  }
  if (!parsed.success || problems.length > 0) {
    throw new Error(`Yanlian configuration is invalid: ${problems.join("; ")}`);
  }
  return parsed.data;
}

export function keySource(config: AwsConfig, key: KeyName): { value?: string; secretArn?: string } {
  const source = KEY_SOURCES[key];
  const value = config[source.value];
  return value ? { value } : { secretArn: config[source.secret] as string };
}
