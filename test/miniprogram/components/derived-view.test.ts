import { join } from 'node:path';
import * as simulate from 'miniprogram-simulate';
import { certificateTypesFor, SUBJECT_TYPES } from '@beian/core';
import { MINIPROGRAM, render, sleep, vantComponents } from '../../helpers/simulate';
import { installSetDataLog, ours, perInstance } from './set-data-log';

/**
 * What the field controls and sections send when their parent sets their properties again (as on
 * every keystroke in their section) and when they attach: utils/set-data.ts.
 */
const log = installSetDataLog();
afterAll(() => log.uninstall());

type Rendered = ReturnType<typeof simulate.render>;

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * `component` inside a parent whose data it binds, as a section binds its fields: the test sets
 * the parent's data and WeChat's property updates reach the component. The parent has no path, so
 * the log leaves its own setData out.
 */
function hosted(component: string, data: Record<string, unknown>): { parent: Rendered; child: Rendered } {
  jest.resetModules();
  const options = { rootPath: MINIPROGRAM, usingComponents: vantComponents(), compiler: 'official' as const };
  const child = simulate.load(join(MINIPROGRAM, component), options);
  const bindings = Object.keys(data).map((key) => `${kebab(key)}="{{ ${key} }}"`);
  const parent = simulate.render(
    simulate.load({
      template: `<x-field id="field" ${bindings.join(' ')} />`,
      usingComponents: { 'x-field': child },
      data,
    }),
  );
  parent.attach(document.createElement('parent-wrapper'));
  const rendered = parent.querySelector('#field');
  if (!rendered) throw new Error(`${component} did not render`);
  return { parent, child: rendered as Rendered };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 4; i += 1) await sleep(0);
}

const SUBJECT_OPTIONS = SUBJECT_TYPES.map((type) => ({ value: type.id, text: type.name }));
const PERSONAL = SUBJECT_TYPES.find((type) => type.name === '个人')?.id ?? -1;
const ENTERPRISE = SUBJECT_TYPES.find((type) => type.name === '企业')?.id ?? -1;

/** What our components send while `act` runs and the re-renders it causes settle. */
async function sentBy(act: () => unknown) {
  return ours(
    await log.during(async () => {
      await act();
      await settle();
    }),
  );
}

describe('select-field', () => {
  function subjectType(value: number | null) {
    return hosted('components/select-field/index', {
      path: 'subject.type',
      label: '主体性质',
      value,
      options: SUBJECT_OPTIONS,
    });
  }

  it('sends nothing when its section sets the same options and value again', async () => {
    const { parent, child } = subjectType(ENTERPRISE);
    expect(child.dom?.textContent).toContain('企业');
    const calls = await sentBy(() => parent.setData({ options: [...SUBJECT_OPTIONS], value: ENTERPRISE }));
    expect(calls).toEqual([]);
  });

  it('sends only the chosen text when the value changes, never the option list', async () => {
    const { parent, child } = subjectType(ENTERPRISE);
    const calls = await sentBy(() => parent.setData({ value: PERSONAL }));
    expect(calls.map((call) => call.keys)).toEqual([['text']]);
    expect(child.dom?.textContent).toContain('个人');
  });

  it('builds the sheet when opened, and on reopening sends only the rows whose highlight moved', async () => {
    const { parent, child: field } = subjectType(ENTERPRISE);
    const instance = field.instance as unknown as { onOpen(): void; onClose(): void };
    const opened = await sentBy(() => instance.onOpen());
    expect(opened.map((call) => call.keys)).toEqual([['open', 'actions']]);
    const actions = field.data.actions as { name: string; color: string }[];
    expect(actions.filter((action) => action.color !== '').map((action) => action.name)).toEqual(['企业']);
    instance.onClose();
    parent.setData({ value: PERSONAL });
    await settle();
    const reopened = await sentBy(() => instance.onOpen());
    const keys = reopened.flatMap((call) => call.keys);
    expect(keys).toContain('open');
    expect(keys).not.toContain('actions');
    expect(keys.filter((key) => key.startsWith('actions['))).toHaveLength(2);
  });
});

describe('field controls attaching', () => {
  it('a photo field sends its hint and its photos in one setData', async () => {
    const calls = await sentBy(() =>
      render('components/photo-field/index', {
        path: 'subject.principal.certificate.photoFront',
        label: '证件正面',
        kind: 'idCard',
        value: 'cloud://env/front.jpg',
      }),
    );
    const photo = calls.filter((call) => call.component === 'components/photo-field/index');
    expect(photo.map((call) => call.keys)).toEqual([['hint', 'fileList']]);
  });

  it('a date field and the face capture derive everything in WXML: no setData at all', async () => {
    const calls = await sentBy(() => {
      render('components/date-field/index', {
        path: 'subject.principal.certificate.validTo',
        label: '证件有效期止',
        value: '长期',
        allowLongTerm: true,
      });
      render('components/face-capture/index', {
        path: 'miniprogram.principal.faceVerification',
        value: { method: 'photo', photo: 'cloud://env/face.jpg', verifyId: '', completedAt: '' },
      });
    });
    expect(calls).toEqual([]);
  });

  it('a text field sends its length bound once, and nothing when set again', async () => {
    const calls = await sentBy(async () => {
      const { parent } = hosted('components/text-field/index', {
        path: 'miniprogram.comment',
        type: 'textarea',
        value: '',
        focusPath: '',
      });
      await settle();
      parent.setData({ path: 'miniprogram.comment', value: '提供记账服务', focusPath: 'subject.name' });
    });
    expect(calls.map((call) => call.keys)).toEqual([['limit']]);
  });
});

describe('subject-section', () => {
  const subject = (type: number) => ({
    type,
    name: '',
    certificate: { type: null, number: '', address: '', photo: '' },
    region: { province: '', city: '', district: '' },
    address: '',
    comment: '',
    residencePermit: '',
    principal: {},
    legalPerson: { name: '', idNumber: '' },
  });

  it('sends nothing from itself or its fields when its subject is set again with the same type', async () => {
    const { parent } = hosted('components/subject-section/index', { subject: subject(ENTERPRISE) });
    const calls = await sentBy(() =>
      parent.setData({ subject: { ...subject(ENTERPRISE), address: '高碑店路' } }),
    );
    expect(calls).toEqual([]);
  });

  it('sends the new layout and certificate types once when the type changes', async () => {
    const { parent, child: section } = hosted('components/subject-section/index', {
      subject: subject(ENTERPRISE),
    });
    const calls = await sentBy(() => parent.setData({ subject: subject(PERSONAL) }));
    const own = calls.filter((call) => call.component === 'components/subject-section/index');
    expect(own.map((call) => call.keys)).toEqual([['personal', 'certificateOptions']]);
    expect(section.data.certificateOptions).toEqual(
      certificateTypesFor(PERSONAL).map((type) => ({ value: type.id, text: type.name })),
    );
    for (const made of perInstance(calls).values()) expect(made.length).toBeLessThanOrEqual(1);
  });
});
