import { characterString, dateText, fitKeyword, personName, phrase, thing, timeText } from '../../src/wechat/keywords';
import { localTemplates, parseTemplateSet, subscribeContentFor, templateData } from '../../src/wechat/templates';
import { residentMessage, staffMessage } from '../../src/events/messages';
import { storyIn } from '../case/fixtures';

const length = (s: string) => Array.from(s).length;

describe('subscribe-message keywords stay within WeChat limits', () => {
  it('cuts a thing to 20 characters, ending in an ellipsis, and never splits an emoji', () => {
    const long = '人行道上的大树被台风吹倒压住了两辆电动车和一个报刊亭，请尽快处理';
    const fitted = thing(long);
    expect(length(fitted)).toBe(20);
    expect(fitted.endsWith('…')).toBe(true);
    expect(fitted.startsWith('人行道上的大树被台风吹倒')).toBe(true);
    expect(thing('井盖缺失')).toBe('井盖缺失');
    const emoji = thing('🌳'.repeat(25));
    expect(length(emoji)).toBe(20);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('keeps a thing free of control characters and never empty', () => {
    expect(thing('树\u0000倒\n了')).toBe('树倒 了');
    expect(thing('   ')).toBe('—');
  });

  it('keeps a phrase to at most 5 Chinese characters and nothing else', () => {
    expect(phrase('处置中')).toBe('处置中');
    expect(phrase('已派遣至市政处理')).toBe('已派遣至市');
    expect(phrase('OK 已办结!')).toBe('已办结');
    expect(length(phrase('非常非常非常满意'))).toBe(5);
  });

  it('keeps a character_string to 32 letters, digits and symbols', () => {
    const id = 'C01JH8ZK2M3N4P5Q6R7S8T9V0W1X2Y3Z4A5B6';
    expect(characterString(id)).toBe(id.slice(0, 32));
    expect(characterString('编号C123-4')).toBe('C123-4');
  });

  it('keeps a name to 10 Chinese characters or 20 letters', () => {
    expect(personName('天河区城市管理和综合执法局园林科')).toHaveLength(10);
    expect(personName('Alexandra Catherine Montgomery')).toHaveLength(20);
  });

  it('formats time and date in Beijing time', () => {
    expect(timeText('2026-11-21T16:05:00.000Z')).toBe('2026-11-22 00:05');
    expect(dateText('2026-11-21T16:05:00.000Z')).toBe('2026年11月22日');
    expect(fitKeyword('time', '2026-02-01T01:02:00Z')).toBe('2026-02-01 09:02');
  });
});

describe('templates per event', () => {
  it('tells the reporter of 立案 with the 受理 template, every keyword fitted', () => {
    const story = storyIn('filed');
    const event = story.case.timeline.at(-1)!;
    const content = subscribeContentFor(story.case, event, 'reporter', residentMessage(story.case, event));
    expect(content?.kind).toBe('accepted');
    const data = templateData(localTemplates().accepted!, content!.fields);
    expect(Object.keys(data).sort()).toEqual(['character_string2', 'phrase3', 'thing1', 'thing5', 'time4']);
    expect(data.phrase3!.value).toBe('已立案');
    expect(data.character_string2!.value).toBe(story.case.id.slice(0, 32));
    for (const [key, { value }] of Object.entries(data)) if (key.startsWith('thing')) expect(length(value)).toBeLessThanOrEqual(20);
  });

  it('asks the reporter to rate when the case is closed, and tells a follower it is done', () => {
    const story = storyIn('closed');
    const event = story.case.timeline.at(-1)!;
    const reporter = subscribeContentFor(story.case, event, 'reporter', residentMessage(story.case, event));
    const follower = subscribeContentFor(story.case, event, 'follower', residentMessage(story.case, event, { follower: true }));
    expect(reporter).toMatchObject({ kind: 'closed', fields: { status: '已办结', note: '请对办理结果进行评价' } });
    expect(follower?.kind).toBe('closed');
    expect(follower?.fields.note).not.toBe('请对办理结果进行评价');
  });

  it('asks for 补充材料 with the reason', () => {
    const story = storyIn('needsInfo');
    const event = story.case.timeline.at(-1)!;
    const content = subscribeContentFor(story.case, event, 'reporter', residentMessage(story.case, event));
    expect(content?.kind).toBe('needsInfo');
  });

  it('sends staff only new work and warnings, never the rest', () => {
    const filed = storyIn('filed');
    const fileEvent = filed.case.timeline.at(-1)!;
    expect(subscribeContentFor(filed.case, fileEvent, 'staff', staffMessage(filed.case, fileEvent))?.kind).toBe('newCase');
    const accepted = storyIn('accepted');
    const acceptEvent = accepted.case.timeline.at(-1)!;
    expect(subscribeContentFor(accepted.case, acceptEvent, 'staff', staffMessage(accepted.case, acceptEvent))).toBeNull();
  });

  it('warns staff of an overdue case with the 预警/超期 template, never the resident', () => {
    const story = storyIn('dispatched');
    const last = story.case.timeline.at(-1)!;
    const warn = { ...last, seq: last.seq + 1, action: 'warn', from: last.to, actor: { role: 'system' as const }, data: { stage: 'overdue', deadline: '2025-05-07T01:00:00.000Z' } };
    const c = { ...story.case, timeline: [...story.case.timeline, warn] };
    const content = subscribeContentFor(c, warn, 'staff', staffMessage(c, warn));
    expect(content).toMatchObject({ kind: 'warning', fields: { stage: '已超期', deadline: '2025-05-07T01:00:00.000Z' } });
    expect(templateData(localTemplates().warning!, content!.fields)).toMatchObject({ phrase2: { value: '已超期' }, time3: { value: '2025-05-07 09:00' } });
    expect(subscribeContentFor(c, warn, 'reporter', residentMessage(c, warn))).toBeNull();
  });

  it('reads template ids and long-term flags from configuration, keeping default keyword layouts', () => {
    const set = parseTemplateSet('{"progress":{"id":"AbC-123","longTerm":true}}');
    expect(set.progress).toMatchObject({ id: 'AbC-123', longTerm: true, keywords: { phrase2: 'status' } });
    expect(set.accepted).toBeUndefined();
    expect(() => parseTemplateSet('{"progress":{"id":""}}')).toThrow();
  });
});
