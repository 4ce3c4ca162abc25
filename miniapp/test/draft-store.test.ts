import { draftStore, editDraft, type Draft } from '../src/services/draft-store';
import { platform } from '../src/services/platform';

const photo = (id: string, status: Draft['photos'][number]['status'], key?: string) => ({ id, localPath: `blob:${id}`, status, progress: status === 'uploading' ? 40 : 0, key });

describe('draft store', () => {
  afterEach(() => platform.removeItem('gridtong.drafts'));

  it('survives closing the app: what was saved comes back, per item', () => {
    // Prepare
    const draft = { ...draftStore.create('0401'), step: 'details' as const, description: '大树倒在人行道上', answers: { blocking: true } };

    // Act
    draftStore.save(draft);
    draftStore.save(draftStore.create('0102'));
    const back = draftStore.load('0401');

    // Assess
    expect(back).toMatchObject({ itemCode: '0401', step: 'details', description: '大树倒在人行道上', answers: { blocking: true }, idempotencyKey: draft.idempotencyKey });
    expect(draftStore.load('0102')?.idempotencyKey).not.toBe(draft.idempotencyKey);
    expect(draftStore.load('0999')).toBeUndefined();
  });

  it('makes the idempotency key once per draft: saving and editing keep it', () => {
    const draft = draftStore.create('0401');
    const edited = editDraft(draft, { description: '树倒了' });
    draftStore.save(edited);
    expect(draftStore.load('0401')?.idempotencyKey).toBe(draft.idempotencyKey);
    expect(draft.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('a submit with no answer keeps the key (a resend files no second case); a refused one gets a new key on change', () => {
    const draft = draftStore.create('0401');
    const unknown = editDraft({ ...draft, lastAttempt: 'unknown' }, { description: '补一句' });
    expect(unknown.idempotencyKey).toBe(draft.idempotencyKey);

    const refused = editDraft({ ...draft, lastAttempt: 'refused' }, { description: '改一下' });
    expect(refused.idempotencyKey).not.toBe(draft.idempotencyKey);
    expect(refused.lastAttempt).toBeUndefined();
  });

  it('an upload cut off by closing the app comes back as failed, ready to retry; uploaded photos stay', () => {
    draftStore.save({ ...draftStore.create('0401'), photos: [photo('a', 'uploaded', 'uploads/u/a.jpg'), photo('b', 'uploading'), photo('c', 'compressing')] });
    const back = draftStore.load('0401')!;
    expect(back.photos.map((p) => [p.id, p.status])).toEqual([['a', 'uploaded'], ['b', 'failed'], ['c', 'failed']]);
    expect(back.photos[0]!.key).toBe('uploads/u/a.jpg');
  });

  it('discard forgets the draft; broken storage reads as no draft', () => {
    draftStore.save(draftStore.create('0401'));
    draftStore.discard('0401');
    expect(draftStore.load('0401')).toBeUndefined();
    platform.setItem('gridtong.drafts', '{not json');
    expect(draftStore.load('0401')).toBeUndefined();
    expect(draftStore.list()).toEqual([]);
  });
});
