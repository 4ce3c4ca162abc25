import { caseResult } from '../../src/case/result';
import { authorisedActor, DEPT, handler, OTHER_DEPT, storyIn } from './fixtures';

describe('the handling result (处理结果)', () => {
  it('is nothing before 处理反馈', () => {
    for (const status of ['submitted', 'filed', 'dispatched', 'accepted', 'handling', 'suspended'] as const) {
      expect(caseResult(storyIn(status).case)).toBeUndefined();
    }
  });

  it('gives the department, its notes, when, and the 处置后 then 核查 photos', () => {
    const handled = storyIn('handled');
    const waiting = caseResult(handled.case);
    const closed = handled.do(authorisedActor('checkPass'), { type: 'checkPass', note: '核查通过', photos: [{ key: 'uploads/u-gw-1/check.jpg' }] }).case;
    const result = caseResult(closed);

    expect(waiting).toEqual({ departmentId: DEPT, notes: '已更换新井盖', handledAt: expect.any(String), photos: [{ ref: { key: 'uploads/u-dh-1/after.jpg' }, kind: 'result', at: waiting!.handledAt }] });
    expect(result).toEqual({ ...waiting, verifiedAt: closed.closedAt, photos: [...waiting!.photos, { ref: { key: 'uploads/u-gw-1/check.jpg' }, kind: 'check', at: closed.closedAt }] });
  });

  it('masks phone numbers in the notes and leaves blank notes out', () => {
    const noisy = storyIn('handling').do(handler, { type: 'handle', notes: '已处理，有事找 13812345678 或 020-12345678' }).case;
    const photosOnly = storyIn('handling').do(handler, { type: 'handle', photos: [{ key: 'uploads/u-dh-1/after.jpg' }] }).case;

    expect(caseResult(noisy)?.notes).toBe('已处理，有事找 138****5678 或 ****');
    expect(caseResult(photosOnly)).not.toHaveProperty('notes');
  });

  it('is gone while a failed check or an approved 重办 sends the case back, and then tells the latest round', () => {
    const failed = storyIn('handled').sample('checkFail');
    const reopened = storyIn('rated').sample('requestReopen').sample('approveReopen');
    const redone = storyIn('rated').sample('requestReopen').sample('approveReopen')
      .sample('dispatch').sample('accept').sample('startHandling')
      .do(handler, { type: 'handle', notes: '已重新更换井盖并加固' })
      .sample('checkPass');

    expect(caseResult(failed.case)).toBeUndefined();
    expect(caseResult(reopened.case)).toBeUndefined();
    expect(redone.case.status).toBe('closed');
    expect(caseResult(redone.case)).toEqual({ departmentId: DEPT, notes: '已重新更换井盖并加固', handledAt: expect.any(String), verifiedAt: redone.case.closedAt, photos: [] });
  });

  it('names the department the case was dispatched to when it was handled', () => {
    const handled = storyIn('handling').do(handler, { type: 'handle', notes: '已处理' }).case;
    const reroutedSince = { ...handled, routing: { ...handled.routing, departmentId: OTHER_DEPT } };

    expect(caseResult(reroutedSince)?.departmentId).toBe(DEPT);
  });
});
