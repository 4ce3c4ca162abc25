import * as z from 'zod';

/**
 * Environment, read and checked once per cold start. A bad or missing setting fails
 * here, loudly, rather than on the first request that needs it.
 */
const envSchema = z.object({
  STAGE: z.string().default('local'),
  TABLE_NAME: z.string().min(1).default('gridtong'),
  IDEMPOTENCY_TABLE_NAME: z.string().min(1).default('gridtong-idempotency'),
  UPLOAD_BUCKET: z.string().min(1).default('gridtong-uploads'),
  AWS_REGION: z.string().default('cn-north-1'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  S3_ENDPOINT: z.url().optional(),
  /** Direct secret (local stack); deployed stacks pass SESSION_SECRET_ARN instead. */
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_SECRET_ARN: z.string().min(1).optional(),
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  WECHAT_APPID: z.string().default('wx-local-appid'),
  WECHAT_SECRET: z.string().optional(),
  WECHAT_SECRET_ARN: z.string().optional(),
  /** Case reports a resident may file per hour before 429. */
  CASE_RATE_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(10),
  LOCAL_DEV_ROUTES: z.enum(['0', '1']).default('0'),
});

export type Config = {
  stage: string;
  tableName: string;
  idempotencyTableName: string;
  uploadBucket: string;
  region: string;
  dynamodbEndpoint?: string;
  s3Endpoint?: string;
  sessionSecret?: string;
  sessionSecretArn?: string;
  wechatApiBase: string;
  wechatAppId: string;
  wechatSecret?: string;
  wechatSecretArn?: string;
  caseRateLimitPerHour: number;
  localDevRoutes: boolean;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new ConfigError(`Invalid environment: ${fields}`);
  }
  const e = parsed.data;
  if (!e.SESSION_SECRET && !e.SESSION_SECRET_ARN) {
    throw new ConfigError('SESSION_SECRET or SESSION_SECRET_ARN must be set');
  }
  return {
    stage: e.STAGE,
    tableName: e.TABLE_NAME,
    idempotencyTableName: e.IDEMPOTENCY_TABLE_NAME,
    uploadBucket: e.UPLOAD_BUCKET,
    region: e.AWS_REGION,
    dynamodbEndpoint: e.DYNAMODB_ENDPOINT,
    s3Endpoint: e.S3_ENDPOINT,
    sessionSecret: e.SESSION_SECRET,
    sessionSecretArn: e.SESSION_SECRET_ARN,
    wechatApiBase: e.WECHAT_API_BASE.replace(/\/$/, ''),
    wechatAppId: e.WECHAT_APPID,
    wechatSecret: e.WECHAT_SECRET,
    wechatSecretArn: e.WECHAT_SECRET_ARN,
    caseRateLimitPerHour: e.CASE_RATE_LIMIT_PER_HOUR,
    localDevRoutes: e.LOCAL_DEV_ROUTES === '1',
  };
}
