import {
  crossRecordIssues,
  recordNumberIssue,
  relatedKeys,
  relatedOf,
  type Application,
  type CrossRecordTarget,
  type FilingState,
  type RelatedApplication,
} from '@beian/core';
import { enterpriseForm, personalForm } from '../../fixtures/forms';

const target = (form = personalForm(), kind: CrossRecordTarget['kind'] = 'new'): CrossRecordTarget => ({
  id: 'mine',
  kind,
  baseId: null,
  form,
});

function other(overrides: Partial<RelatedApplication> = {}): RelatedApplication {
  return {
    id: 'other',
    own: false,
    kind: 'new',
    state: 'filed',
    baseId: null,
    subjectKey: '2:110105199003071239',
    province: '110000',
    appid: 'wx00000000000000aa',
    mobiles: [],
    ...overrides,
  };
}

const codes = (t: CrossRecordTarget, related: RelatedApplication[]) =>
  crossRecordIssues(t, related).map((issue) => `${issue.path} ${issue.code}`);

describe('cross-record rules', () => {
  it('finds nothing among the filer’s own consistent filings', () => {
    expect(codes(target(), [other(), other({ id: 'b', appid: 'wx00000000000000bb', own: true })])).toEqual(
      [],
    );
  });

  it('refuses a phone another subject uses, on that phone’s path, naming nobody', () => {
    const mine = enterpriseForm();
    const used = other({ subjectKey: '1:91110000600037341L', mobiles: [mine.miniprogram.principal.mobile] });
    const issues = crossRecordIssues(target(mine), [used]);
    expect(issues.map((issue) => issue.path)).toEqual(['miniprogram.principal.mobile']);
    expect(issues[0]?.message).toContain('其他主体');
    expect(issues[0]?.message).not.toMatch(/\d{11}/);
  });

  it('lets the same subject reuse its principal’s phone', () => {
    const mine = personalForm();
    expect(codes(target(mine), [other({ mobiles: [mine.subject.principal.mobile] })])).toEqual([]);
  });

  it('ignores withdrawn and cancelled applications and drafts', () => {
    const mine = personalForm();
    const stale: FilingState[] = ['withdrawn', 'cancelled', 'draft'];
    const related = stale.map((state, i) =>
      other({
        id: `s${i}`,
        state,
        subjectKey: '2:x',
        mobiles: [mine.subject.principal.mobile],
        province: '440000',
      }),
    );
    expect(codes(target(mine), related)).toEqual([]);
  });

  it('names the province the subject is filed in', () => {
    const issues = crossRecordIssues(target(), [other({ province: '440000' })]);
    expect(issues.map((issue) => issue.path)).toEqual(['subject.region.province']);
    expect(issues[0]?.message).toContain('广东省');
  });

  it('holds a person to 5 mini-programs and an enterprise to 50, counting this one', () => {
    const four = Array.from({ length: 4 }, (_, i) => other({ id: `p${i}`, appid: `wx0000000000000${i}p` }));
    expect(codes(target(), four)).toEqual([]);
    const five = [...four, other({ id: 'p5', appid: 'wx00000000000005p', state: 'platform_review' })];
    expect(codes(target(), five)).toEqual(['miniprogram.appid subject.quota']);

    const key = relatedKeys(enterpriseForm()).subjectKey;
    const many = Array.from({ length: 49 }, (_, i) =>
      other({ id: `e${i}`, subjectKey: key, appid: `wx0000000000${i}e` }),
    );
    expect(codes(target(enterpriseForm()), many)).toEqual([]);
    many.push(other({ id: 'e49', subjectKey: key, appid: 'wx00000000049e' }));
    expect(codes(target(enterpriseForm()), many)).toEqual(['miniprogram.appid subject.quota']);
  });

  it('allows one open order per AppID, naming the filer’s own', () => {
    const appid = personalForm().miniprogram.appid;
    const theirs = crossRecordIssues(target(), [other({ appid, state: 'platform_review' })]);
    expect(theirs.map((issue) => issue.code)).toEqual(['miniprogram.open_order']);
    expect(theirs[0]?.message).toContain('他人提交的进行中申请「平台初审中」');
    const mine = crossRecordIssues(target(), [other({ appid, state: 'sms_verification', own: true })]);
    expect(mine[0]?.message).toContain('你已有一条该小程序的申请「待工信部短信核验」');
  });

  it('treats a change and the record it changes as one filing', () => {
    const record = other({ id: 'record', appid: personalForm().miniprogram.appid, province: '110000' });
    const change: CrossRecordTarget = { ...target(), kind: 'change', baseId: 'record' };
    expect(codes(change, [record])).toEqual([]);
  });

  it('checks a cancellation only for a second open order', () => {
    const appid = personalForm().miniprogram.appid;
    const cancel = target(personalForm(), 'cancel');
    expect(codes(cancel, [other({ province: '440000' })])).toEqual([]);
    expect(codes(cancel, [other({ appid, state: 'authority_review' })])).toEqual([
      'miniprogram.appid miniprogram.open_order',
    ]);
  });

  it('describes an application by its keys', () => {
    const form = personalForm();
    const application = {
      id: 'a',
      owner: 'o-1',
      kind: 'new',
      state: 'filed',
      baseId: null,
      form,
    } as unknown as Application;
    expect(relatedOf(application, 'o-1')).toMatchObject({
      own: true,
      subjectKey: '2:110105199003071239',
      province: '110000',
    });
    expect(relatedOf(application, 'o-2').own).toBe(false);
  });
});

describe('record numbers', () => {
  it('belong to one filing: the record and its changes share it', () => {
    expect(recordNumberIssue({ id: 'n', baseId: null }, [])).toBeNull();
    expect(recordNumberIssue({ id: 'n', baseId: null }, [{ id: 'r', baseId: null }])?.path).toBe(
      'recordNumber',
    );
    const change = { id: 'c2', baseId: 'r' };
    expect(
      recordNumberIssue(change, [
        { id: 'r', baseId: null },
        { id: 'c1', baseId: 'r' },
      ]),
    ).toBeNull();
    expect(recordNumberIssue(change, [{ id: 'x', baseId: null }])?.code).toBe('record_number.taken');
  });
});
