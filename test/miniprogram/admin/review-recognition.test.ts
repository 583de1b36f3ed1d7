/**
 * The review page shows what recognition read off a certificate photo, under that photo: when,
 * each value with its field's label, and the values the form says otherwise about, flagged.
 */
import type { Recognition } from '@beian/core';
import { enterpriseForm } from '../../fixtures/forms';
import { fakeCloud } from '../../helpers/cloud';
import { openPage } from '../../helpers/simulate';
import { text, type Rendered } from './page';
import { application, ok, reviewDetail } from './fixtures';

async function open(recognitions: Recognition[], form = enterpriseForm()): Promise<Rendered> {
  const app = application({ form });
  const detail = reviewDetail(app, { related: { items: [], quota: { used: 1, limit: 50 } }, recognitions });
  fakeCloud({ admin: { 'filing.get': () => ok(detail) } });
  return openPage('admin/review/index', { id: 'app-1' });
}

function licenceReading(photo: string): Recognition {
  return {
    field: 'subject.certificate.photo',
    fileId: photo,
    at: '2026-05-04T06:00:00.000Z',
    values: { 'subject.name': '北京示例科技有限公司', 'subject.certificate.number': '91110108551385082Q' },
    facts: { side: 'licence', name: '北京示例科技有限公司', businessScope: '技术开发；教育咨询' },
  };
}

describe('review page: certificate recognition', () => {
  it('shows the reading under the licence photo, the name the form differs on flagged', async () => {
    const form = enterpriseForm();
    form.subject.name = '北京示列科技有限公司';
    const page = await open([licenceReading(form.subject.certificate.photo)], form);
    const readings = page.querySelectorAll('.recognized');
    expect(readings).toHaveLength(1);
    const shown = text(readings[0]);
    expect(shown).toContain('证件识别结果（2026-05-04 14:00）');
    expect(shown).toContain('主办单位名称北京示例科技有限公司与填写不一致');
    expect(shown).toContain('经营范围技术开发；教育咨询');
    const flagged = page.querySelectorAll('.recognized__line--differs');
    expect(flagged.map((line) => text(line))).toEqual(['主办单位名称北京示例科技有限公司与填写不一致']);
  });

  it('shows nothing for a photo the filer has since replaced', async () => {
    const page = await open([licenceReading('cloud://env-test.7465-env-test/filings/o-filer-a/old.jpg')]);
    expect(page.querySelectorAll('.recognized')).toHaveLength(0);
  });
});
