import { localTemplates, parseTemplateSet, type TemplateSet } from '@gridtong/shared/wechat/templates';
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
  // Subscribe templates, the openid's envelope key, the content-check callback token
  WECHAT_TEMPLATES: z.string().optional(),
  WECHAT_MESSAGE_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  OPENID_KMS_KEY_ID: z.string().min(1).optional(),
  OPENID_LOCAL_KEY: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  WECHAT_CALLBACK_TOKEN: z.string().min(3).max(32).optional(),
  WECHAT_CALLBACK_TOKEN_ARN: z.string().min(1).optional(),
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
  // WeChat
  wechatTemplates: TemplateSet;
  wechatMessageState: 'developer' | 'trial' | 'formal';
  openidKmsKeyId?: string;
  openidLocalKey?: string;
  wechatCallbackToken?: string;
  wechatCallbackTokenArn?: string;
};

function templatesOf(json: string | undefined, stage: string): TemplateSet {
  if (!json) return stage === 'local' ? localTemplates() : {};
  try {
    return parseTemplateSet(json);
  } catch {
    throw new ConfigError('Invalid environment: WECHAT_TEMPLATES');
  }
}

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
    // Without configured templates nothing goes to WeChat (local runs use tpl-<kind>).
    wechatTemplates: templatesOf(e.WECHAT_TEMPLATES, e.STAGE),
    wechatMessageState: e.WECHAT_MESSAGE_STATE,
    openidKmsKeyId: e.OPENID_KMS_KEY_ID,
    openidLocalKey: e.OPENID_LOCAL_KEY,
    wechatCallbackToken: e.WECHAT_CALLBACK_TOKEN,
    wechatCallbackTokenArn: e.WECHAT_CALLBACK_TOKEN_ARN,
  };
}
