/**
 * Reading certificates in the preview (docs/certificate-recognition.md): a personal filer opens the
 * principal step with their ID number typed from memory, one digit of the birth date wrong,
 * uploads the sample ID card and taps 识别并填写 under each side. The local cloud reads the photos
 * with tesseract; the empty fields fill and are marked 来自证件识别，请核对; for the number typed
 * otherwise the filer sees both, keeps theirs, and the step warns that its birth date is not the
 * card's.
 */
import { ID_FRONT, idBack } from './certificate-images';
import { FILER, Recorder, type StoryOptions, type StoryState } from './story-data';
import { saved } from './story-filer';
import { sampleImage } from './sample-images';

/** What the filer typed before reading the card: born on the 17th, not the 7th (a valid number). */
export const TYPED_NUMBER = '11010519900317123X';

async function personalDraft(story: Recorder): Promise<string> {
  const created = await story.cloud.client.as(FILER, 'filing', 'draft.create', { kind: 'new' });
  if (!created.ok) throw new Error(created.error.message);
  const { id, version } = created.data.filing;
  const patch = { 'subject.type': 5, 'subject.name': '张三' };
  const answer = await story.cloud.client.as(FILER, 'filing', 'draft.save', { id, version, patch });
  if (!answer.ok) throw new Error(answer.error.message);
  return id;
}

export async function runRecognitionStory(options: StoryOptions): Promise<StoryState[]> {
  const story = new Recorder(options);
  const { phone } = story;
  const id = await personalDraft(story);
  await story.launch(FILER, `pages/filing-form/index?id=${id}&field=subject.principal.certificate.type`);
  await phone.expectText('主体负责人');
  await phone.tap('#f-subject-principal-certificate-type van-cell');
  await phone.tapInSheet('居民身份证');
  await phone.fill('#f-subject-principal-certificate-number', TYPED_NUMBER);
  await phone.upload('#f-subject-principal-certificate-photoFront', await sampleImage(phone.page, ID_FRONT));
  await phone.upload(
    '#f-subject-principal-certificate-photoBack',
    await sampleImage(phone.page, idBack('2020-03-02', '2040-03-02')),
  );
  await saved(story);
  await phone
    .screen()
    .locator('#recognize-f-subject-principal-certificate-photoFront')
    .scrollIntoViewIfNeeded();
  await story.record('recognition-offer');

  await phone.tap('#recognize-f-subject-principal-certificate-photoFront');
  await phone.expectText('证件上：110105199003071239', 60_000);
  await story.record('recognition-choice');
  await phone.tap(phone.overlays().locator('.mp-modal__cancel'));
  await phone.expectText('来自证件识别，请核对');
  await phone.tap('#recognize-f-subject-principal-certificate-photoBack');
  await phone.expectText('2040-03-02', 60_000);
  await phone.expectText('与证件照片上的（1990-03-07）不一致');
  await saved(story);
  await story.record('recognition-filled', true);
  return story.states;
}
