import type { CreateCaseRequest } from '../api/cases';
import { DomainError } from '../case/errors';
import type { CatalogItem, ItemQuestion } from '../schemas/catalog';

interface Problem {
  path: string;
  message: string;
}

/** Counts and sizes: a negative or astronomically large answer is a typing slip. */
const NUMBER_MIN = 0;
const NUMBER_MAX = 1_000_000;

function checkAnswer(question: ItemQuestion, value: unknown): string | null {
  switch (question.type) {
    case 'text':
      return typeof value === 'string' ? null : '请填写文字';
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return '请填写数字';
      if (question.integer && !Number.isInteger(value)) return '请填写整数';
      const min = question.min ?? NUMBER_MIN;
      const max = question.max ?? NUMBER_MAX;
      return value < min || value > max ? `请填写 ${min} 到 ${max} 之间的数字` : null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : '请选择是或否';
    case 'singleChoice':
      return typeof value === 'string' && question.options?.some((o) => o.value === value) ? null : '请从选项中选择';
    case 'multiChoice':
      return Array.isArray(value) && value.length > 0 && value.every((v) => question.options?.some((o) => o.value === v)) ? null : '请从选项中选择';
  }
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/**
 * What the item itself asks of a report: photo count, anonymity, a description where the item
 * needs one, its extra questions. A hotline-only item takes no report at all.
 * All problems are reported at once so the resident fixes them in one go.
 */
export function validateReport(item: CatalogItem, request: Pick<CreateCaseRequest, 'photos' | 'answers' | 'anonymous' | 'description'>): void {
  const problems: Problem[] = [];
  if (!item.active) {
    throw new DomainError('REPORT.ITEM_INACTIVE', `「${item.name}」暂不受理，请选择其他事项`, { details: { itemCode: item.code } });
  }
  if (item.hotlineOnly) {
    const numbers = item.hotlines.map((h) => `${h.name} ${h.number}`).join('、');
    throw new DomainError('REPORT.HOTLINE_ONLY', `「${item.name}」请立即拨打 ${numbers}，不在此上报`, { details: { itemCode: item.code } });
  }
  if (item.descriptionRequired && request.description.trim() === '') {
    problems.push({ path: 'description', message: '请描述遇到的问题' });
  }
  if (request.photos.length < item.minPhotos) {
    problems.push({ path: 'photos', message: `「${item.name}」至少需要 ${item.minPhotos} 张照片` });
  }
  if (request.photos.length > item.maxPhotos) {
    problems.push({ path: 'photos', message: `「${item.name}」最多上传 ${item.maxPhotos} 张照片` });
  }
  if (request.anonymous && !item.allowAnonymous) {
    problems.push({ path: 'anonymous', message: `「${item.name}」不支持匿名上报` });
  }
  const known = new Set(item.questions.map((q) => q.code));
  for (const question of item.questions) {
    const value = request.answers[question.code];
    if (isBlank(value)) {
      if (question.required) problems.push({ path: `answers.${question.code}`, message: `请回答：${question.label}` });
      continue;
    }
    const problem = checkAnswer(question, value);
    if (problem) problems.push({ path: `answers.${question.code}`, message: `${question.label}：${problem}` });
  }
  for (const code of Object.keys(request.answers)) {
    if (!known.has(code)) problems.push({ path: `answers.${code}`, message: '该事项没有这个问题' });
  }
  if (problems.length > 0) {
    throw new DomainError('REPORT.VALIDATION', problems[0]!.message, { problems });
  }
}
