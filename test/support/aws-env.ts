/** A complete, fake Lambda environment: ARNs in the right shape, pointing nowhere. */
export const AWS_ENV = {
  YANLIAN_TABLE: "yanlian-prod",
  YANLIAN_PUBLIC_URL: "https://drills.example.com",
  YANLIAN_SESSION_KEY: "k".repeat(40),
  YANLIAN_LINK_KEY: "l".repeat(40),
  YANLIAN_BUS_NAME: "yanlian-drills",
  YANLIAN_SCHEDULE_GROUP: "yanlian-drills",
  YANLIAN_SCHEDULER_ROLE_ARN: "arn:aws:iam::123456789012:role/yanlian-scheduler",
  YANLIAN_DLQ_ARN: "arn:aws:sqs:ap-east-1:123456789012:yanlian-dlq",
  YANLIAN_INJECTOR_ARN: "arn:aws:lambda:ap-east-1:123456789012:function:yanlian-injector",
  YANLIAN_CLOSER_ARN: "arn:aws:lambda:ap-east-1:123456789012:function:yanlian-closer",
  YANLIAN_PLANNER_ARN: "arn:aws:lambda:ap-east-1:123456789012:function:yanlian-planner",
  YANLIAN_NOTIFIER_ARN: "arn:aws:lambda:ap-east-1:123456789012:function:yanlian-notifier",
};
