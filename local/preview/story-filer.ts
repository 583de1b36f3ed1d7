/**
 * The filer's half of the story: a new personal application filled in step by step through the
 * real form (selects, the region and date pickers, uploads, the face photo), submitted with
 * subscribe consent; later the rejected field fixed and the application resubmitted. The values
 * are those of test/fixtures/forms.ts `personalForm()`, which pass every check.
 */
import { sampleImage } from './sample-images';
import { FILER, REJECTED_FIELD, type Recorder } from './story-data';
import { vant } from './phone';

export const COMMENT_BEFORE = '个人开发的记账工具，提供收支记录和分类统计。';
export const COMMENT_AFTER =
  '个人开发的记账工具，提供收支记录、分类统计和月度报表功能，数据只保存在用户自己的账户中，不含社交和交易功能。';

/** The form's face step: the photo capture (manual channel) or WeChat's task (./story-wechat.ts). */
export type FaceStep = (story: Recorder) => Promise<void>;

/** Files a new application up to the summary step; returns its id. */
export async function fillForm(story: Recorder, faceStep: FaceStep = takeFacePhoto): Promise<string> {
  const { phone } = story;
  await story.launch(FILER);
  await phone.expectText('小程序备案助手');
  await story.record('home', true);

  await phone.tap('#start');
  await phone.expectRoute('pages/filing-kind/index');
  await story.record('filing-kind');

  await phone.tap('#choice-new');
  await phone.expectRoute('pages/filing-form/index');
  const id = /id=([^&]+)/.exec(await phone.route())?.[1];
  if (!id) throw new Error('the form opened without an application id');
  await phone.expectText('主体信息');
  await story.record('form-subject-empty');

  await fillSubject(story);
  await phone.tap('#next');
  await fillPrincipal(story);
  await phone.tap('#next');
  await fillMiniprogram(story);
  await phone.tap('#next');
  await faceStep(story);
  await phone.tap('#next');
  await uploadMaterials(story);
  return id;
}

async function fillSubject(story: Recorder): Promise<void> {
  const { phone } = story;
  await phone.tap('#f-subject-type van-cell');
  await story.record('form-subject-type-sheet');
  await phone.tapInSheet('个人');
  await phone.fill('#f-subject-name', '张三');
  await phone.fill('#f-subject-certificate-address', '北京市朝阳区高碑店路181号');
  await pick(story, '#f-subject-region', tapping(story, '朝阳区'), 'form-subject-region-picker');
  await phone.expectText('北京市 / 北京市 / 朝阳区');
  await phone.fill('#f-subject-address', '高碑店路181号1单元101室');
  await savedStep(story, 'form-subject');
}

async function fillPrincipal(story: Recorder): Promise<void> {
  const { phone } = story;
  await phone.expectText('主体负责人');
  await phone.tap('#f-subject-principal-certificate-type van-cell');
  await phone.tapInSheet('居民身份证');
  await phone.fill('#f-subject-principal-certificate-number', '110105199003071239');
  // Issued six years ago, valid for twenty: the picker opens on today's date.
  await pickDate(story, '#f-subject-principal-certificate-validFrom', -6, null);
  await pickDate(story, '#f-subject-principal-certificate-validTo', 14, 'form-principal-date-picker');
  const page = phone.page;
  const card = { width: 1280, height: 808 };
  await phone.upload(
    '#f-subject-principal-certificate-photoFront',
    await sampleImage(page, {
      name: 'id-front.jpg',
      ...card,
      lines: ['居民身份证（人像面）', '姓名 张三', '公民身份号码 110105199003071239'],
    }),
  );
  await phone.upload(
    '#f-subject-principal-certificate-photoBack',
    await sampleImage(page, {
      name: 'id-back.jpg',
      ...card,
      lines: ['居民身份证（国徽面）', '签发机关 北京市公安局朝阳分局'],
    }),
  );
  await phone.fill('#f-subject-principal-mobile', '13800138000');
  await phone.fill('#f-subject-principal-emergencyContact', '13900139000');
  await phone.fill('#f-subject-principal-email', 'zhangsan@example.com');
  await savedStep(story, 'form-principal');
}

/**
 * Opens a field's picker, lets `choose` move it, pictures it still open (unless `picture` is
 * null), and closes it with the `close` button.
 */
async function pick(
  story: Recorder,
  field: string,
  choose: () => Promise<void>,
  picture: string | null,
  close = '确认',
): Promise<void> {
  await story.phone.tap(`${field} van-cell`);
  await choose();
  if (picture) await story.record(picture);
  await story.phone.tapText(close);
}

/** Taps each of `choices` in turn. */
const tapping =
  (story: Recorder, ...choices: string[]) =>
  async (): Promise<void> => {
    for (const choice of choices) await story.phone.tapText(choice);
  };

/** A date field's picker, its year moved by `years`. */
async function pickDate(
  story: Recorder,
  field: string,
  years: number,
  picture: string | null,
): Promise<void> {
  const { phone } = story;
  const year = () => phone.screen().locator(vant('picker-column', 'van-picker-column')).first();
  await pick(story, field, () => phone.dragColumn(year(), years), picture);
}

async function fillMiniprogram(story: Recorder): Promise<void> {
  const { phone } = story;
  await phone.expectText('小程序信息');
  await phone.fill('#f-miniprogram-appid', 'wx1234567890abcdef');
  await phone.fill('#f-miniprogram-name', '三哥记账本');
  await pick(
    story,
    '#f-miniprogram-serviceTypes',
    tapping(story, '信息传输、软件和信息技术服务业', '软件开发'),
    'form-service-types',
    '完成',
  );
  await phone.fill(`#${anchorOf(REJECTED_FIELD.path)}`, COMMENT_BEFORE);
  await phone.tapText('以上都不涉及');
  await savedStep(story, 'form-miniprogram');
}

async function takeFacePhoto(story: Recorder): Promise<void> {
  const { phone } = story;
  await phone.expectText('人脸核身');
  const chooser = phone.page.waitForEvent('filechooser');
  await phone.screen().locator('#face-capture').click();
  await (
    await chooser
  ).setFiles(
    await sampleImage(phone.page, {
      name: 'face.jpg',
      width: 960,
      height: 1280,
      lines: ['人脸照片'],
      portrait: true,
    }),
  );
  await phone.settle();
  await phone.expectText('已完成拍摄');
  await savedStep(story, 'form-face');
}

async function uploadMaterials(story: Recorder): Promise<void> {
  const { phone } = story;
  await phone.expectText('材料清单');
  const letter = { width: 1654, height: 1169 };
  await phone.upload(
    '#f-materials-commitmentLetter',
    await sampleImage(phone.page, {
      name: 'commitment.jpg',
      ...letter,
      lines: ['互联网信息服务备案承诺书', '本人承诺所提交的备案信息真实有效。', '承诺人：张三'],
    }),
  );
  await phone.upload(
    '#f-materials-authenticityCommitmentLetter',
    await sampleImage(phone.page, {
      name: 'authenticity.jpg',
      ...letter,
      lines: ['备案信息真实性承诺书', '承诺人：张三'],
    }),
  );
  await phone.expectText('检查通过');
  // Filling in took the filer a while: the draft's time and the submission's differ.
  await story.advance(25 * 60 * 1000);
  await saved(story);
  await submitEnabled(story);
  await story.record('form-summary', true);
}

/** 提交备案 is enabled once the latest edit is saved and checked again (both debounced). */
async function submitEnabled(story: Recorder): Promise<void> {
  const disabled = `${vant('button', 'van-button--disabled')}, ${vant('button', 'van-button--loading')}`;
  await story.phone.screen().locator(`#submit wx-button:not(${disabled})`).waitFor();
  await story.phone.settle();
}

/** Waits for the form's autosave (debounced) to finish, and goes back to the top of the page. */
export async function saved(story: Recorder): Promise<void> {
  await story.phone.expectText('已自动保存');
  await story.phone.scrollTop();
}

/** A step filled in: once it is saved, the picture of the whole step. */
async function savedStep(story: Recorder, picture: string): Promise<void> {
  await saved(story);
  await story.record(picture, true);
}

/** Taps 提交备案, allows every template in WeChat's consent sheet, and lands on the progress page. */
export async function submitWithConsent(
  story: Recorder,
  consent: string,
  progress: string,
  stage = '平台初审中',
): Promise<void> {
  const { phone } = story;
  await submitEnabled(story);
  await phone.tap('#submit');
  await phone.expectText('发送以下消息');
  await story.record(consent);
  await phone.tap(phone.overlays().locator('.mp-subscribe__allow'));
  await phone.expectRoute('pages/progress/index');
  await phone.expectText(stage);
  await phone.scrollTop();
  await story.record(progress, true);
}

/** The filer reads the reason on the progress page, fixes that field, and submits again. */
export async function resubmitAfterFix(story: Recorder, id: string): Promise<void> {
  const { phone } = story;
  await story.launch(FILER, `pages/progress/index?id=${id}`);
  await phone.expectText('驳回原因');
  await phone.expectText(REJECTED_FIELD.label);
  await story.record('progress-rejected', true);

  await phone.tap(phone.screen().locator('#reasons wx-button', { hasText: '去修改' }));
  await phone.expectRoute('pages/filing-form/index');
  await phone.expectText('审核意见');
  // The page scrolls to the field with an animation: record where it comes to rest.
  await phone.scrollSettled();
  await story.record('form-fix-field');
  await phone.fill(`#${anchorOf(REJECTED_FIELD.path)}`, COMMENT_AFTER);
  await story.phone.expectText('已自动保存');
  await story.record('form-field-fixed');
  while (!(await phone.screen().locator('#submit').count())) await phone.tap('#next');
  await phone.expectText('检查通过');
  await submitWithConsent(story, 'subscribe-consent-again', 'progress-resubmitted');
}

/** The filer opens the application's progress page, which shows `text`, pictured whole. */
export async function progress(story: Recorder, id: string, text: string, picture: string): Promise<void> {
  await story.launch(FILER, `pages/progress/index?id=${id}`);
  await story.phone.expectText(text);
  await story.record(picture, true);
}

/** The form's anchor id for a field path (components/field-kit.ts `anchorOf`). */
export function anchorOf(path: string): string {
  return `f-${path.replace(/[.[\]]+/g, '-').replace(/-$/, '')}`;
}
