/**
 * Reading certificates in the preview (local/preview/story-recognition.ts): through the real form
 * in headless Chromium, the sample ID card uploaded and read by the local cloud's tesseract; the
 * empty fields fill with their 来自证件识别，请核对 marks, the number typed otherwise is the filer's
 * choice, and the step warns that its birth date is not the card's. Needs chromium,
 * fonts-wqy-microhei, tesseract-ocr and tesseract-ocr-chi-sim, as .ci/run installs.
 */
import { runRecognitionStory, TYPED_NUMBER } from '../../local/preview/story-recognition';
import { storyStates } from './story-states';

jest.setTimeout(180_000);

const state = storyStates(runRecognitionStory);

describe('reading certificates in the preview', () => {
  it('offers 识别并填写 under each side of the uploaded ID card', () => {
    expect(state('recognition-offer').text).toContain('识别并填写');
  });

  it('shows what the photo says beside what was typed, and lets the filer choose', () => {
    const choice = state('recognition-choice').text;
    expect(choice).toContain('证件上：110105199003071239');
    expect(choice).toContain(`已填写：${TYPED_NUMBER}`);
  });

  it('fills the empty fields from the card, each marked for checking, and warns at the kept number', () => {
    const filled = state('recognition-filled').text;
    expect(filled).toContain('来自证件识别，请核对');
    expect(filled).toContain('2020-03-02');
    expect(filled).toContain('2040-03-02');
    expect(filled).toContain('证件号码中的出生日期（1990-03-17）与证件照片上的（1990-03-07）不一致');
  });
});
