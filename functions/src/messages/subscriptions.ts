import type { ReportSubscriptionsRequest, SubscriptionsResponse } from '@gridtong/shared/api/subscriptions';
import { DomainError } from '@gridtong/shared/errors';
import type { Principal } from '@gridtong/shared/schemas/roles';
import { RESIDENT_TEMPLATE_KINDS, TEMPLATE_KINDS, type TemplateKind } from '@gridtong/shared/wechat/templates';
import type { Config } from '../config';
import type { RequestContext } from '../context';
import type { SubscriptionStore } from './subscription-store';

/** Subscribe grants: which WeChat templates a caller may be offered, and what they answered. */
export interface SubscriptionPorts {
  config: Pick<Config, 'wechatTemplates'>;
  subscriptions: Pick<SubscriptionStore, 'list' | 'record'>;
}

function kindsFor(principal: Principal): readonly TemplateKind[] {
  return principal.role === 'resident' ? RESIDENT_TEMPLATE_KINDS : TEMPLATE_KINDS.filter((k) => !RESIDENT_TEMPLATE_KINDS.includes(k));
}

export async function subscriptionsOf(rt: { config: SubscriptionPorts['config']; subscriptions: Pick<SubscriptionStore, 'list'> }, ctx: Pick<RequestContext, 'principal'>): Promise<SubscriptionsResponse> {
  const { principal } = ctx;
  const grants = new Map((await rt.subscriptions.list(principal.userId)).map((g) => [g.templateId, g]));
  return {
    subscriptions: kindsFor(principal).flatMap((kind) => {
      const template = rt.config.wechatTemplates[kind];
      if (!template) return [];
      const grant = grants.get(template.id);
      return [{ kind, templateId: template.id, longTerm: template.longTerm, remaining: template.longTerm ? 0 : grant?.remaining ?? 0, accepted: grant?.accepted ?? false }];
    }),
  };
}

/** Records what `requestSubscribeMessage` answered; only templates offered to the caller count. */
export async function reportSubscriptions(rt: SubscriptionPorts, ctx: RequestContext, request: ReportSubscriptionsRequest): Promise<SubscriptionsResponse> {
  const { principal, now } = ctx;
  const offered = new Set(kindsFor(principal).flatMap((k) => rt.config.wechatTemplates[k]?.id ?? []));
  const unknown = Object.keys(request.results).filter((id) => !offered.has(id));
  if (unknown.length) {
    throw new DomainError('REQUEST.VALIDATION', '订阅消息模板无效', {
      problems: unknown.map((id) => ({ path: `body.results.${id}`, message: '不是可订阅的模板' })),
    });
  }
  for (const [templateId, result] of Object.entries(request.results)) {
    // 'filter' is WeChat hiding a template (title filtered): the user said nothing; leave it.
    if (result === 'filter') continue;
    await rt.subscriptions.record(principal.userId, templateId, result === 'accept', now);
  }
  return subscriptionsOf(rt, ctx);
}
