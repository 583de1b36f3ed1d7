import 'miniprogram-simulate';
import { LONG_TERM, NONE_PRE_APPROVAL, PRE_APPROVAL_TYPES, SERVICE_TYPE_GROUPS } from '@beian/core';
import { fakeCloud } from '../../helpers/cloud';
import { render, sleep } from '../../helpers/simulate';
import { OPENID, SERVER_TEMPLATE_IDS, triggered } from './helpers';

type Rendered = ReturnType<typeof render>;

async function settle(): Promise<void> {
  for (let i = 0; i < 6; i += 1) await sleep(0);
}

afterEach(() => jest.restoreAllMocks());

describe('text-field', () => {
  function input(field: Rendered) {
    const found = field
      .querySelectorAll('.text-field >>> .van-field__control')
      .find((node) => node.dom?.tagName === 'WX-INPUT');
    if (!found) throw new Error('no input');
    return found;
  }

  it('sends typed text as an unsettled change of its path, and its blur', async () => {
    const field = render('components/text-field/index', {
      path: 'subject.principal.mobile',
      label: '手机号码',
    });
    const events = triggered(field);
    input(field).dispatchEvent('input', { detail: { value: '1380013' } });
    input(field).dispatchEvent('blur', { detail: { value: '1380013' } });
    await settle();
    expect(events('fieldchange')).toEqual([
      { path: 'subject.principal.mobile', value: '1380013', settled: false },
    ]);
    // (simulate delivers a native blur twice; WeChat once — either way it names the path)
    const blurs = events('fieldblur');
    expect(blurs.length).toBeGreaterThan(0);
    for (const blur of blurs) expect(blur).toEqual({ path: 'subject.principal.mobile' });
  });

  it('shows its error and a reviewer’s reason, and marks itself when the page jumps to it', () => {
    const field = render('components/text-field/index', {
      path: 'subject.principal.mobile',
      label: '手机号码',
      error: '主体负责人手机号码应为11位中国大陆手机号码（1开头），请核对',
      reason: '手机号码与负责人实名信息不符',
      focusPath: 'subject.principal.mobile',
    });
    const text = field.dom?.textContent ?? '';
    expect(text).toContain('应为11位中国大陆手机号码');
    expect(text).toContain('审核意见：手机号码与负责人实名信息不符');
    expect(field.querySelector('#f-subject-principal-mobile')?.dom?.className).toContain('text-field--focus');
  });

  it('takes its length bound from the field spec', () => {
    const field = render('components/text-field/index', { path: 'miniprogram.comment', type: 'textarea' });
    expect(field.data.limit).toBe(200);
  });
});

describe('select-field', () => {
  it('shows the chosen option and sends the id of a new choice', async () => {
    const options = [
      { value: 4, text: '企业' },
      { value: 5, text: '个人' },
    ];
    const field = render('components/select-field/index', {
      path: 'subject.type',
      label: '主体性质',
      value: 4,
      options,
    });
    expect(field.dom?.textContent).toContain('企业');
    const events = triggered(field);
    field.querySelector('.select-field >>> .van-cell')?.dispatchEvent('tap');
    await settle();
    const items = field.querySelectorAll('.select-field >>> .van-action-sheet__item');
    expect(items).toHaveLength(2);
    items[1]?.dispatchEvent('tap');
    await settle();
    expect(events('fieldchange')).toEqual([{ path: 'subject.type', value: 5, settled: true }]);
  });
});

describe('date-field', () => {
  it('长期 sets the end date to the long-term literal, and unticking clears it', async () => {
    const field = render('components/date-field/index', {
      path: 'subject.principal.certificate.validTo',
      label: '证件有效期止',
      value: '2030-01-01',
      allowLongTerm: true,
      range: 'end',
    });
    const events = triggered(field);
    field.querySelector('.date-field__long-term')?.dispatchEvent('tap');
    await settle();
    field.setData({ value: LONG_TERM });
    field.querySelector('.date-field__long-term')?.dispatchEvent('tap');
    await settle();
    expect(events('fieldchange')).toEqual([
      { path: 'subject.principal.certificate.validTo', value: LONG_TERM, settled: true },
      { path: 'subject.principal.certificate.validTo', value: '', settled: true },
    ]);
  });
});

describe('pre-approvals-field', () => {
  const indexOf = (id: number) => PRE_APPROVAL_TYPES.findIndex((type) => type.id === id);

  function toggle(field: Rendered, id: number): void {
    field.querySelectorAll('.pre-approvals__option')[indexOf(id)]?.dispatchEvent('tap');
  }

  function field(value: unknown[]) {
    const rendered = render('components/pre-approvals-field/index', {
      path: 'miniprogram.preApprovals',
      value,
    });
    return { rendered, events: triggered(rendered) };
  }

  it('以上都不涉及 clears every other item', async () => {
    const { rendered, events } = field([
      { type: 1, code: '京-001号', media: '' },
      { type: 2, code: '', media: '' },
    ]);
    toggle(rendered, NONE_PRE_APPROVAL);
    await settle();
    expect(events('fieldchange')).toEqual([
      {
        path: 'miniprogram.preApprovals',
        value: [{ type: NONE_PRE_APPROVAL, code: '', media: '' }],
        settled: true,
      },
    ]);
  });

  it('choosing a real item clears 以上都不涉及 and asks for its approval number and scan', async () => {
    const { rendered, events } = field([{ type: NONE_PRE_APPROVAL, code: '', media: '' }]);
    toggle(rendered, 1);
    await settle();
    expect(events('fieldchange')).toEqual([
      { path: 'miniprogram.preApprovals', value: [{ type: 1, code: '', media: '' }], settled: true },
    ]);
    rendered.setData({ value: [{ type: 1, code: '', media: '' }] });
    expect(rendered.dom?.textContent).toContain('新闻审批号');
    expect(rendered.dom?.textContent).toContain('新闻审批文件');
    expect(rendered.querySelector('.pre-approvals >>> #f-miniprogram-preApprovals-0-code')).toBeTruthy();
    expect(rendered.querySelector('.pre-approvals >>> #f-miniprogram-preApprovals-0-media')).toBeTruthy();
  });
});

describe('service-types-field', () => {
  const firstGroup = SERVICE_TYPE_GROUPS[0]?.types.map((type) => type.id) ?? [];

  it('allows at most five second-level types and says so', async () => {
    const showToast = jest.spyOn(wx, 'showToast');
    const chosen = firstGroup.slice(0, 5);
    const field = render('components/service-types-field/index', {
      path: 'miniprogram.serviceTypes',
      value: chosen,
    });
    const events = triggered(field);
    expect(field.dom?.textContent).toContain('已选 5 / 5');
    field.querySelector('.service-types >>> .van-cell')?.dispatchEvent('tap');
    await settle();
    const items = field.querySelectorAll('.service-types >>> .van-tree-select__item');
    items[5]?.dispatchEvent('tap');
    await settle();
    expect(events('fieldchange')).toEqual([]);
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '最多选择 5 项，请先取消一项' }));
    items[0]?.dispatchEvent('tap');
    await settle();
    expect(events('fieldchange')).toEqual([
      { path: 'miniprogram.serviceTypes', value: chosen.slice(1), settled: true },
    ]);
  });
});

describe('face-capture', () => {
  it('gives the guidance, captures with the front camera and sends the verification', async () => {
    const cloud = fakeCloud({
      filing: {
        'session.get': () => ({
          ok: true,
          data: { openid: OPENID, role: 'filer', name: null, templateIds: SERVER_TEMPLATE_IDS },
        }),
        'file.register': ({ fileId }) => ({ ok: true, data: { fileId } }),
      },
    });
    (wx.cloud as unknown as { uploadFile: unknown }).uploadFile = jest.fn(
      (options: { cloudPath: string; success(result: { fileID: string }): void }) => {
        setTimeout(() => options.success({ fileID: `cloud://test-env/${options.cloudPath}` }), 0);
        return { onProgressUpdate: () => undefined };
      },
    );
    const chooseMedia = jest.spyOn(wx, 'chooseMedia').mockImplementation(((options: {
      success?: (result: unknown) => void;
    }) => {
      setTimeout(
        () => options.success?.({ tempFiles: [{ tempFilePath: 'http://tmp/face.jpg', size: 400_000 }] }),
        0,
      );
    }) as unknown as typeof wx.chooseMedia);
    jest.spyOn(wx, 'getImageInfo').mockImplementation(((options: { success?: (result: unknown) => void }) => {
      setTimeout(() => options.success?.({ width: 1080, height: 1440, type: 'jpeg' }), 0);
    }) as unknown as typeof wx.getImageInfo);

    const face = render('components/face-capture/index', {
      path: 'miniprogram.principal.faceVerification',
      value: { method: 'photo', photo: '', verifyId: '', completedAt: '' },
      name: '张三',
    });
    const text = face.dom?.textContent ?? '';
    for (const advice of ['白色或浅色纯色背景', '双眼睁开', '不戴帽子、口罩、耳机'])
      expect(text).toContain(advice);
    const events = triggered(face);
    face.querySelector('#face-capture >>> .van-button')?.dispatchEvent('tap');
    await settle();
    expect(chooseMedia).toHaveBeenCalledWith(
      expect.objectContaining({ sourceType: ['camera'], camera: 'front' }),
    );
    expect(events('fieldchange')).toEqual([
      {
        path: 'miniprogram.principal.faceVerification',
        value: {
          method: 'photo',
          photo: expect.stringMatching(/^cloud:\/\/test-env\/filings\/o-filer-a\/[0-9a-f]{32}\.jpg$/),
          verifyId: '',
          completedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        },
        settled: true,
      },
    ]);
    expect(cloud.calls.map((call) => call.action)).toEqual(['session.get', 'file.register']);
    expect(cloud.callsOf('filing', 'file.register')[0]).toMatchObject({
      field: 'miniprogram.principal.faceVerification.photo',
    });
  });
});

describe('region-field', () => {
  it('names the chosen region and sends the three codes picked in van-area', async () => {
    const field = render('components/region-field/index', {
      path: 'subject.region',
      label: '所在地区',
      value: { province: '440000', city: '440300', district: '440305' },
    });
    expect(field.dom?.textContent).toContain('广东省 / 深圳市 / 南山区');
    const events = triggered(field);
    const instance = field.instance as unknown as {
      onOpen(): void;
      onConfirm(event: { detail: { values: { code: string; name: string }[] } }): void;
    };
    instance.onOpen();
    // The picker gets core's mainland tree: no 香港, 澳门, 台湾 or 海外 to pick by mistake.
    const areaList = field.data.areaList as { province_list: Record<string, string> };
    expect(areaList.province_list['110000']).toBe('北京市');
    expect(areaList.province_list['810000']).toBeUndefined();
    instance.onConfirm({
      detail: {
        values: [
          { code: '110000', name: '北京市' },
          { code: '110100', name: '北京市' },
          { code: '110108', name: '海淀区' },
        ],
      },
    });
    await settle();
    expect(events('fieldchange')).toEqual([
      {
        path: 'subject.region',
        value: { province: '110000', city: '110100', district: '110108' },
        settled: true,
      },
    ]);
  });
});
