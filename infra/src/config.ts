import type { Construct } from 'constructs';

export const STAGES = ['dev', 'prod'] as const;
export type StageName = (typeof STAGES)[number];

/** Everything that differs between stages, read once from CDK context (`-c key=value`). */
export interface StageConfig {
  stage: StageName;
  /** The H5 build's origin: the only browser origin allowed by API and bucket CORS. */
  h5Origin: string;
  wechatAppId: string;
  wechatApiBase: string;
  /** An existing Secrets Manager secret holding the WeChat AppSecret; otherwise the stack creates one. */
  wechatSecretArn?: string;
  /** Subscribe templates as JSON (`{"accepted":{"id":"…"},…}`, see functions/src/config.ts); none: nothing goes to WeChat. */
  wechatTemplates?: string;
  /** Steady-state requests per second and burst for the whole API stage. */
  throttle: { rateLimit: number; burstLimit: number };
}

export class StageConfigError extends Error {
  override name = 'StageConfigError';
}

const DEV_DEFAULTS = {
  // Taro's H5 dev server.
  h5Origin: 'http://localhost:10086',
  wechatAppId: 'wx-dev-appid',
};

// Typhoon peaks are ~100x normal load (DESIGN.md "Data and scale"): prod gets headroom, dev
// is capped so a runaway client cannot run up a bill.
const THROTTLE: Record<StageName, StageConfig['throttle']> = {
  dev: { rateLimit: 50, burstLimit: 100 },
  prod: { rateLimit: 2000, burstLimit: 4000 },
};

type Context = (key: string) => unknown;

function text(ctx: Context, key: string): string | undefined {
  const value = ctx(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new StageConfigError(`context ${key} must be a string`);
  return value;
}

function origin(key: string, value: string, stage: StageName): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StageConfigError(`context ${key} is not a URL: ${value}`);
  }
  if (url.origin !== value.replace(/\/$/, '')) {
    throw new StageConfigError(`context ${key} must be an origin (scheme://host[:port]), got ${value}`);
  }
  if (stage === 'prod' && url.protocol !== 'https:') {
    throw new StageConfigError(`context ${key} must be https in prod, got ${value}`);
  }
  return url.origin;
}

/** Reads and checks the stage settings; a prod synth without its real settings fails here. */
export function readStageConfig(ctx: Context): StageConfig {
  const stageName = text(ctx, 'stage') ?? 'dev';
  if (!(STAGES as readonly string[]).includes(stageName)) {
    throw new StageConfigError(`context stage must be one of ${STAGES.join('|')}, got ${stageName}`);
  }
  const stage = stageName as StageName;

  const required = (key: keyof typeof DEV_DEFAULTS): string => {
    const value = text(ctx, key);
    if (value) return value;
    if (stage === 'prod') throw new StageConfigError(`context ${key} is required for stage prod (-c ${key}=...)`);
    return DEV_DEFAULTS[key];
  };

  const wechatAppId = required('wechatAppId');
  if (stage === 'prod' && !/^wx[0-9a-f]{16}$/.test(wechatAppId)) {
    throw new StageConfigError(`context wechatAppId does not look like a mini-program AppID: ${wechatAppId}`);
  }

  return {
    stage,
    h5Origin: origin('h5Origin', required('h5Origin'), stage),
    wechatAppId,
    wechatApiBase: text(ctx, 'wechatApiBase') ?? 'https://api.weixin.qq.com',
    wechatSecretArn: text(ctx, 'wechatSecretArn'),
    wechatTemplates: text(ctx, 'wechatTemplates'),
    throttle: THROTTLE[stage],
  };
}

export const contextOf = (scope: Construct): Context => (key) => scope.node.tryGetContext(key);
